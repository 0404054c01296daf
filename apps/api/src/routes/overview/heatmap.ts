// The heatmap matrix of one metric: a row of values per symbol, a column per recent window start (null where
// the symbol has no window there, or its value is not finite: those cells are listed in nonFinite).
import type { OverviewCells } from '../../repositories/metrics.ts';

export interface Heatmap {
  windowStarts: string[];
  symbols: string[];
  values: (number | null)[][];
  /** [symbol index, window index] of each cell whose stored value is NaN or ±Infinity. */
  nonFinite: [number, number][];
}

export function toHeatmap({ windowStarts, rows }: OverviewCells): Heatmap {
  const nonFinite: [number, number][] = [];
  const values = rows.map(({ columns, values: stored }, row) => {
    const cells: (number | null)[] = windowStarts.map(() => null);
    columns.forEach((column, k) => {
      const value = stored[k]!;
      if (value !== null && !Number.isFinite(value)) nonFinite.push([row, column]);
      else cells[column] = value;
    });
    return cells;
  });
  return { windowStarts, symbols: rows.map((row) => row.symbol), values, nonFinite };
}
