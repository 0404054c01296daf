import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, Page, SymbolParams, TimeRangeQuery } from '../../schemas/common.ts';
import { WindowMetrics } from '../../schemas/rows.ts';
import { instant, timeRange } from '../../time-range.ts';
import { ensureSymbol } from '../symbol-check.ts';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/symbols/:symbol/metrics',
    {
      schema: {
        tags: ['market'],
        summary: "A symbol's 1-minute windows in [from, to), oldest first, paged by `after`",
        params: SymbolParams,
        querystring: TimeRangeQuery,
        response: { 200: Page(WindowMetrics), ...errorResponses },
      },
    },
    async (request) => {
      const { symbol } = request.params;
      const { from, to, after, limit } = request.query;
      const range = timeRange(from, to);
      await ensureSymbol(app, symbol);
      const page = after === undefined ? undefined : instant('after', after);
      return app.metricsRepository.range({ symbol, ...range, after: page, limit });
    },
  );

  app.get(
    '/api/metrics/latest',
    {
      schema: {
        tags: ['market'],
        summary: 'The newest window of every symbol, by symbol',
        response: { 200: Type.Object({ items: Type.Array(WindowMetrics) }), 500: errorResponses[500] },
      },
    },
    async () => ({ items: await app.metricsRepository.latest() }),
  );
};
export default routes;
