import { describe, expect, it } from 'vitest';
import { regimeOf, regimeSegments } from './regimes.ts';

describe('stress regimes', () => {
  it('classifies by threshold, the threshold itself being stressed', () => {
    expect(regimeOf(0.2, 0.5)).toBe('calm');
    expect(regimeOf(0.5, 0.5)).toBe('stressed');
  });

  it('joins consecutive points of one regime; each segment runs to where the next starts', () => {
    const points = [
      { time: 0, stress: 0.1 },
      { time: 1, stress: 0.2 },
      { time: 2, stress: 0.9 },
      { time: 3, stress: null },
      { time: 4, stress: 0.8 },
      { time: 5, stress: 0.1 },
    ];
    expect(regimeSegments(points, 0.5)).toEqual([
      { regime: 'calm', start: 0, end: 2 },
      { regime: 'stressed', start: 2, end: 5 },
      { regime: 'calm', start: 5, end: 5 },
    ]);
  });

  it('gives no segments without points', () => {
    expect(regimeSegments([], 0.5)).toEqual([]);
  });
});
