import { describe, expect, it } from 'vitest';
import { compareRows } from './compare.ts';

describe('compareRows', () => {
  it('accepts floats within the relative tolerance and reports everything else', () => {
    const expected = [
      { k: 'a', n: 2, x: 1.5, f: true },
      { k: 'b', n: 1, x: 2.5, f: false },
    ];
    expect(
      compareRows(
        [
          { k: 'a', n: 2, x: 1.5 * (1 + 1e-12), f: true },
          { k: 'b', n: 1, x: 2.5, f: false },
        ],
        expected,
        ['k'],
      ),
    ).toEqual([]);
    expect(
      compareRows(
        [
          { k: 'a', n: 3, x: 1.5 * (1 + 1e-8), f: false },
          { k: 'c', n: 1, x: 2.5, f: false },
        ],
        expected,
        ['k'],
      ),
    ).toEqual([
      'missing row b',
      'extra row c',
      'a n: got 3, want 2',
      'a x: got 1.500000015, want 1.5',
      'a f: got false, want true',
    ]);
  });
});
