// The heatmap matrix: one row per symbol, one cell per recent window start (null where it has none).
import type { OverviewCell } from '../../repositories/metrics.ts';

export type HeatmapCell = Omit<OverviewCell, 'symbol' | 'windowStart'>;

export interface Heatmap {
  windowStarts: string[];
  symbols: { symbol: string; cells: (HeatmapCell | null)[] }[];
}

export function toHeatmap(cells: OverviewCell[]): Heatmap {
  const windowStarts = [...new Set(cells.map((cell) => cell.windowStart))].sort();
  const column = new Map(windowStarts.map((start, index) => [start, index]));
  const rows = new Map<string, (HeatmapCell | null)[]>();
  for (const { symbol, windowStart, ...values } of cells) {
    const row = rows.get(symbol) ?? windowStarts.map(() => null);
    row[column.get(windowStart)!] = values;
    rows.set(symbol, row);
  }
  const symbols = [...rows].map(([symbol, row]) => ({ symbol, cells: row }));
  return { windowStarts, symbols: symbols.sort((a, b) => a.symbol.localeCompare(b.symbol)) };
}
