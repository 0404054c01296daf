// The heatmap's model: a dense symbols × windows matrix built once per data change, so drawing (on a
// canvas, only the visible rows) is a plain array walk even with thousands of symbols.

/** The API's heatmap with window starts in ms: rows[i][j] is symbols[i] in windows[j], null where none. */
export interface HeatmapInput {
  symbols: readonly string[];
  windows: readonly number[];
  rows: readonly (readonly (number | null)[])[];
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

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds the matrix, rows by symbol or, with 'worst', worst first by the symbol's latest value
 * (`higherIsWorse`: avg spread, high is bad; liquidity score: low is bad).
 */
export function buildHeatmap(
  input: HeatmapInput,
  order: HeatmapOrder = 'symbol',
  higherIsWorse = true,
): HeatmapMatrix {
  const columns = input.windows.length;
  const latest = new Float64Array(input.symbols.length).fill(Number.NaN);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  input.rows.forEach((row, symbol) =>
    row.forEach((value) => {
      if (value === null || !Number.isFinite(value)) return;
      latest[symbol] = value;
      if (value < min) min = value;
      if (value > max) max = value;
    }),
  );
  const rows = input.symbols.map((_, index) => index);
  rows.sort((a, b) => byCodeUnits(input.symbols[a]!, input.symbols[b]!));
  if (order === 'worst') {
    const sign = higherIsWorse ? -1 : 1;
    rows.sort((a, b) => {
      const [x, y] = [latest[a]!, latest[b]!];
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
      return sign * (x - y) || input.symbols[a]!.localeCompare(input.symbols[b]!);
    });
  }
  const values = new Float64Array(rows.length * columns).fill(Number.NaN);
  rows.forEach((source, row) =>
    input.rows[source]!.forEach((value, column) => {
      if (value !== null) values[row * columns + column] = value;
    }),
  );
  const symbols = rows.map((source) => input.symbols[source]!);
  const windows = [...input.windows];
  return min > max ? { symbols, windows, values, min: 0, max: 0 } : { symbols, windows, values, min, max };
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
