// The heatmap's model: a dense symbols × windows matrix built once per data change, so drawing (on a
// canvas, only the visible rows) is a plain array walk even with hundreds of symbols.

export interface HeatmapCell {
  symbol: string;
  windowStart: number;
  value: number | null;
}

export type HeatmapOrder = 'worst' | 'symbol';

export interface HeatmapMatrix {
  symbols: string[];
  windows: number[];
  /** Row-major, symbols.length × windows.length; NaN where a symbol has no window. */
  values: Float64Array;
  min: number;
  max: number;
}

/**
 * Builds the matrix. `higherIsWorse` orders 'worst' rows first by the symbol's latest value (avg spread:
 * high is bad; liquidity score: low is bad).
 */
export function buildHeatmap(
  cells: readonly HeatmapCell[],
  order: HeatmapOrder = 'symbol',
  higherIsWorse = true,
): HeatmapMatrix {
  const windows = [...new Set(cells.map((cell) => cell.windowStart))].sort((a, b) => a - b);
  const column = new Map(windows.map((window, index) => [window, index]));
  const bySymbol = new Map<string, Float64Array>();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const cell of cells) {
    let row = bySymbol.get(cell.symbol);
    if (!row) {
      row = new Float64Array(windows.length).fill(Number.NaN);
      bySymbol.set(cell.symbol, row);
    }
    if (cell.value === null || !Number.isFinite(cell.value)) continue;
    row[column.get(cell.windowStart)!] = cell.value;
    if (cell.value < min) min = cell.value;
    if (cell.value > max) max = cell.value;
  }
  const symbols = [...bySymbol.keys()].sort();
  if (order === 'worst') {
    const latest = new Map(symbols.map((symbol) => [symbol, latestValue(bySymbol.get(symbol)!)]));
    const sign = higherIsWorse ? -1 : 1;
    symbols.sort((a, b) => {
      const [x, y] = [latest.get(a)!, latest.get(b)!];
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
      return sign * (x - y) || a.localeCompare(b);
    });
  }
  const values = new Float64Array(symbols.length * windows.length);
  symbols.forEach((symbol, index) => values.set(bySymbol.get(symbol)!, index * windows.length));
  return min > max ? { symbols, windows, values, min: 0, max: 0 } : { symbols, windows, values, min, max };
}

function latestValue(row: Float64Array): number {
  for (let i = row.length - 1; i >= 0; i--) if (!Number.isNaN(row[i]!)) return row[i]!;
  return Number.NaN;
}

export function cellValue(matrix: HeatmapMatrix, row: number, column: number): number {
  return matrix.values[row * matrix.windows.length + column] ?? Number.NaN;
}

/** Position of value in [min, max] as 0..1; 0.5 when the range is empty. */
export function normalise(value: number, min: number, max: number): number {
  if (max <= min) return 0.5;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

// Dark-theme sequential scale, from deep teal (tight / liquid) through amber to red (wide / illiquid).
const STOPS: readonly [number, number, number][] = [
  [16, 74, 84],
  [32, 140, 120],
  [224, 180, 60],
  [230, 110, 50],
  [214, 48, 64],
];

/** Colour of t in 0..1; `reverse` flips the scale (for metrics where low is bad). */
export function heatColour(t: number, reverse = false): string {
  const x = Math.min(1, Math.max(0, reverse ? 1 - t : t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [STOPS[i]!, STOPS[i + 1]!];
  const mix = (k: 0 | 1 | 2): number => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/** Rows [first, last) that intersect a viewport of `height` px scrolled to `scrollTop`, plus overscan. */
export function visibleRows(
  scrollTop: number,
  height: number,
  rowHeight: number,
  rowCount: number,
  overscan = 4,
): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rowCount, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}
