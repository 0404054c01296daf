import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, Page, SymbolParams, TimeRangeQuery } from '../../schemas/common.ts';
import { Bar } from '../../schemas/rows.ts';
import { instant, timeRange } from '../../time-range.ts';
import { ensureSymbol } from '../symbol-check.ts';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/symbols/:symbol/bars',
    {
      schema: {
        tags: ['market'],
        summary: "A symbol's 1-second spread bars in [from, to), oldest first, paged by `after`",
        params: SymbolParams,
        querystring: TimeRangeQuery,
        response: { 200: Page(Bar), ...errorResponses },
      },
    },
    async (request) => {
      const { symbol } = request.params;
      const { from, to, after, limit } = request.query;
      const range = timeRange(from, to);
      await ensureSymbol(app, symbol);
      const page = after === undefined ? undefined : instant('after', after);
      return app.barsRepository.range({ symbol, ...range, after: page, limit });
    },
  );
};
export default routes;
