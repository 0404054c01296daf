import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { plainJson } from '../plain-json.ts';
import { errorResponses, Nullable } from '../../schemas/common.ts';
import { HEATMAP_METRICS, type HeatmapMetric } from '../../repositories/metrics.ts';
import { toHeatmap } from './heatmap.ts';

const metrics = Object.keys(HEATMAP_METRICS) as HeatmapMetric[];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/overview',
    {
      ...plainJson,
      schema: {
        tags: ['market'],
        summary:
          'Heatmap: one metric of every symbol over the most recent window starts (oldest first), a row of numbers per symbol',
        querystring: Type.Object({
          windows: Type.Integer({ minimum: 1, maximum: 120, default: 30 }),
          metric: Type.Union(
            metrics.map((metric) => Type.Literal(metric)),
            { default: 'avgSpreadBps', description: 'The window metric shown' },
          ),
        }),
        response: {
          200: Type.Object({
            windowStarts: Type.Array(Type.String({ format: 'date-time' })),
            symbols: Type.Array(Type.String()),
            values: Type.Array(Type.Array(Nullable(Type.Number())), {
              description:
                'values[i][j]: symbols[i] in windowStarts[j]; null where the symbol has no window there, or its value is not finite (then in nonFinite)',
            }),
            nonFinite: Type.Array(Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 }), {
              description: '[symbol index, window index] of each cell stored as NaN, Infinity or -Infinity',
            }),
          }),
          400: errorResponses[400],
          500: errorResponses[500],
        },
      },
    },
    async (request) =>
      toHeatmap(await app.metricsRepository.overview(request.query.windows, request.query.metric)),
  );
};
export default routes;
