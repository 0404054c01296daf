import { describe, expect, it } from 'vitest';
import { toHeatmap } from './heatmap.ts';

const cell = (symbol: string, windowStart: string, avgSpreadBps: number) => ({
  symbol,
  windowStart,
  avgSpreadBps,
  liquidityScore: 1000 / avgSpreadBps,
  avgStress: 0,
  spreadAnomaly: false,
  isOptimal: false,
  nonFinite: [],
});

describe('toHeatmap', () => {
  it('aligns every symbol on the same window starts, with null where a symbol has no window', () => {
    const heatmap = toHeatmap([cell('MSFT', 't1', 3), cell('AAPL', 't2', 2), cell('AAPL', 't1', 1)]);
    expect(heatmap.windowStarts).toEqual(['t1', 't2']);
    expect(heatmap.symbols.map((row) => [row.symbol, row.cells.map((c) => c?.avgSpreadBps ?? null)])).toEqual(
      [
        ['AAPL', [1, 2]],
        ['MSFT', [3, null]],
      ],
    );
  });
});
