import { useMemo } from 'react';
import { toMs } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import type { HeatmapMetric } from '../../api/types.ts';
import { useQuery } from '../../api/use-query.ts';
import { buildHeatmap, type HeatmapOrder } from '../../lib/heatmap.ts';

export function useHeatmap(metric: HeatmapMetric, windows: number, order: HeatmapOrder) {
  const query = useQuery(`heatmap:${windows}`, (signal) => api.overview(windows, signal), 15_000);
  const matrix = useMemo(() => {
    if (!query.data) return undefined;
    const starts = query.data.windowStarts.map(toMs);
    const cells = query.data.symbols.flatMap((row) =>
      row.cells.map((cell, index) => ({
        symbol: row.symbol,
        windowStart: starts[index]!,
        value: cell ? cell[metric] : null,
      })),
    );
    return buildHeatmap(cells, order, metric === 'avgSpreadBps');
  }, [query.data, order, metric]);
  return { ...query, data: matrix };
}
