import { describe, expect, it } from 'vitest';
import { buildHeatmap, cellValue, heatColour, normalise, visibleRows, type HeatmapInput } from './heatmap.ts';

const t0 = Date.UTC(2026, 0, 5, 14, 0);
const minute = 60_000;
const input: HeatmapInput = {
  symbols: ['MSFT', 'AAPL', 'XOM'],
  windows: [t0, t0 + minute],
  rows: [
    [null, 3],
    [2, 2.5],
    [9, null],
  ],
};

describe('heatmap matrix', () => {
  it('puts each value at its symbol row and window column, NaN where missing, rows by symbol', () => {
    const matrix = buildHeatmap(input);
    expect(matrix.symbols).toEqual(['AAPL', 'MSFT', 'XOM']);
    expect(matrix.windows).toEqual([t0, t0 + minute]);
    expect(cellValue(matrix, 0, 0)).toBe(2);
    expect(cellValue(matrix, 0, 1)).toBe(2.5);
    expect(cellValue(matrix, 1, 0)).toBeNaN();
    expect(cellValue(matrix, 1, 1)).toBe(3);
    expect(cellValue(matrix, 2, 1)).toBeNaN();
    expect([matrix.min, matrix.max]).toEqual([2, 9]);
  });

  it('orders rows worst first by each symbol latest value', () => {
    expect(buildHeatmap(input, 'worst', true).symbols).toEqual(['XOM', 'MSFT', 'AAPL']);
    expect(buildHeatmap(input, 'worst', false).symbols).toEqual(['AAPL', 'MSFT', 'XOM']);
  });

  it('handles no data', () => {
    const matrix = buildHeatmap({ symbols: [], windows: [], rows: [] });
    expect(matrix.symbols).toEqual([]);
    expect([matrix.min, matrix.max]).toEqual([0, 0]);
  });

  it('builds 5,000 symbols × 30 windows', () => {
    const symbols = Array.from({ length: 5000 }, (_, s) => `S${s}`);
    const windows = Array.from({ length: 30 }, (_, w) => t0 + w * minute);
    const rows = symbols.map((_, s) => windows.map((_, w) => s + w));
    const matrix = buildHeatmap({ symbols, windows, rows }, 'worst');
    expect(matrix.values.length).toBe(150_000);
    expect(matrix.symbols[0]).toBe('S4999');
    expect(cellValue(matrix, 0, 29)).toBe(5028);
  });
});

describe('heatmap scale and viewport', () => {
  it('normalises into 0..1 and clamps', () => {
    expect(normalise(5, 0, 10)).toBe(0.5);
    expect(normalise(-1, 0, 10)).toBe(0);
    expect(normalise(11, 0, 10)).toBe(1);
    expect(normalise(3, 3, 3)).toBe(0.5);
  });

  it('maps the ends of the scale to its end colours, reversed on request', () => {
    expect(heatColour(0)).toBe('rgb(16, 74, 84)');
    expect(heatColour(1)).toBe('rgb(214, 48, 64)');
    expect(heatColour(1, true)).toBe('rgb(16, 74, 84)');
  });

  it('selects the visible rows with overscan, within bounds', () => {
    expect(visibleRows(0, 100, 10, 500, 2)).toEqual([0, 12]);
    expect(visibleRows(1000, 100, 10, 500, 2)).toEqual([98, 112]);
    expect(visibleRows(4950, 100, 10, 500, 2)).toEqual([493, 500]);
    expect(visibleRows(0, 100, 10, 0, 2)).toEqual([0, 0]);
  });
});
