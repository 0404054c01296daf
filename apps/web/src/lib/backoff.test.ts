import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';

describe('reconnect backoff', () => {
  it('doubles from the base up to the cap', () => {
    expect([0, 1, 2, 3, 10].map((attempt) => backoffDelay(attempt, 0))).toEqual([
      500, 1000, 2000, 4000, 10000,
    ]);
    expect(backoffDelay(3, 0, { baseMs: 100, maxMs: 300 })).toBe(300);
  });

  it('takes at most 20 % off for jitter', () => {
    expect(backoffDelay(1, 0.999)).toBe(800);
    expect(backoffDelay(1, 0.5)).toBe(900);
  });
});
