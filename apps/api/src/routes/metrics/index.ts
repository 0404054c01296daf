import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, Page, SymbolParams, TimeRangeQuery } from '../../schemas/common.ts';
import { WindowMetrics } from '../../schemas/rows.ts';
import { symbolRangeHandler } from '../symbol-range.ts';

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
    symbolRangeHandler(app, app.metricsRepository.range),
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
