import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, NonFinite, Nullable } from '../../schemas/common.ts';
import { toHeatmap } from './heatmap.ts';

const Cell = Type.Object({
  avgSpreadBps: Nullable(Type.Number()),
  liquidityScore: Nullable(Type.Number()),
  avgStress: Nullable(Type.Number()),
  spreadAnomaly: Type.Boolean(),
  isOptimal: Type.Boolean(),
  nonFinite: NonFinite,
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/overview',
    {
      schema: {
        tags: ['market'],
        summary: 'Heatmap: symbols × the most recent window starts (oldest first); a null cell has no window',
        querystring: Type.Object({ windows: Type.Integer({ minimum: 1, maximum: 120, default: 30 }) }),
        response: {
          200: Type.Object({
            windowStarts: Type.Array(Type.String({ format: 'date-time' })),
            symbols: Type.Array(Type.Object({ symbol: Type.String(), cells: Type.Array(Nullable(Cell)) })),
          }),
          400: errorResponses[400],
          500: errorResponses[500],
        },
      },
    },
    async (request) => toHeatmap(await app.metricsRepository.overview(request.query.windows)),
  );
};
export default routes;
