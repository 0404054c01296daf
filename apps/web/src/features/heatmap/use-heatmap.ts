import { useMemo } from 'react';
import { toMs } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import type { HeatmapMetric } from '../../api/types.ts';
import { useQuery } from '../../api/use-query.ts';
import { buildHeatmap, type HeatmapOrder } from '../../lib/heatmap.ts';

export function useHeatmap(metric: HeatmapMetric, windows: number, order: HeatmapOrder) {
  const query = useQuery(
    `heatmap:${windows}:${metric}`,
    (signal) => api.overview(windows, metric, signal),
    15_000,
  );
  const matrix = useMemo(
    () =>
      query.data &&
      buildHeatmap(
        { symbols: query.data.symbols, windows: query.data.windowStarts.map(toMs), rows: query.data.values },
        order,
        metric === 'avgSpreadBps',
      ),
    [query.data, order, metric],
  );
  return { ...query, data: matrix };
}
