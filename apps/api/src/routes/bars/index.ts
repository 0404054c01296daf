import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses, Page, SymbolParams, TimeRangeQuery } from '../../schemas/common.ts';
import { Bar } from '../../schemas/rows.ts';
import { symbolRangeHandler } from '../symbol-range.ts';

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
    symbolRangeHandler(app, app.barsRepository.range),
  );
};
export default routes;
