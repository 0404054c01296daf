import { describe, expect, it } from 'vitest';
import { finiteRow } from './finite.ts';

describe('finiteRow', () => {
  it('serves NaN and ±Infinity as null and names their fields', () => {
    expect(
      finiteRow({ symbol: 'AAPL', a: Number.NaN, b: Infinity, c: -Infinity, d: -5, e: 1e308, f: null, g: 0 }),
    ).toEqual({
      symbol: 'AAPL',
      a: null,
      b: null,
      c: null,
      d: -5,
      e: 1e308,
      f: null,
      g: 0,
      nonFinite: ['a', 'b', 'c'],
    });
  });

  it('leaves a finite row as it is, with an empty list', () => {
    expect(finiteRow({ symbol: 'AAPL', avgSpreadBps: 2.5, isOptimal: false })).toEqual({
      symbol: 'AAPL',
      avgSpreadBps: 2.5,
      isOptimal: false,
      nonFinite: [],
    });
  });
});
