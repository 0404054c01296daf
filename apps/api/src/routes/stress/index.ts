import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, NonFinite, Nullable, Page, TimeRangeQuery } from '../../schemas/common.ts';
import { instant, timeRange } from '../../time-range.ts';

const StressPoint = Type.Object({
  windowStart: Type.String({ format: 'date-time' }),
  avgStress: Nullable(
    Type.Number({ description: 'Mean of the symbols’ average stress; null when one of them is not finite' }),
  ),
  avgSpreadBps: Nullable(Type.Number()),
  symbols: Type.Integer({ description: 'Symbols with a window at this time' }),
  anomalies: Type.Integer({ description: 'Of those, windows flagged as spread anomalies' }),
  nonFinite: NonFinite,
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/stress',
    {
      schema: {
        tags: ['market'],
        summary: 'Market stress series: one point per 1-minute window across all symbols, oldest first',
        querystring: TimeRangeQuery,
        response: { 200: Page(StressPoint), ...errorResponses },
      },
    },
    async (request) => {
      const { from, to, after, limit } = request.query;
      const range = timeRange(from, to);
      const page = after === undefined ? undefined : instant('after', after);
      return app.metricsRepository.stress(range.from, range.to, page, limit);
    },
  );
};
export default routes;
