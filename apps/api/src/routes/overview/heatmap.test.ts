import { describe, expect, it } from 'vitest';
import { toHeatmap } from './heatmap.ts';

describe('toHeatmap', () => {
  it('aligns every symbol on the same window starts, null where a symbol has none or no finite value', () => {
    const heatmap = toHeatmap({
      windowStarts: ['t1', 't2', 't3'],
      rows: [
        { symbol: 'AAPL', columns: [0, 1], values: [1, 2] },
        { symbol: 'MSFT', columns: [0], values: [3] },
        { symbol: 'XOM', columns: [1, 2], values: [Number.NaN, null] },
      ],
    });
    expect(heatmap).toEqual({
      windowStarts: ['t1', 't2', 't3'],
      symbols: ['AAPL', 'MSFT', 'XOM'],
      values: [
        [1, 2, null],
        [3, null, null],
        [null, null, null],
      ],
      nonFinite: [[2, 1]],
    });
  });
});
