import { describe, expect, it } from 'vitest';
import { retriesCovering, retryDelayMs } from './outage-retry.ts';

describe('outage retries', () => {
  it('waits 0.3 s, doubling, up to 5 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(retryDelayMs)).toEqual([300, 600, 1_200, 2_400, 4_800, 5_000, 5_000]);
  });

  it('counts the retries whose waits add up to the outage', () => {
    // 300 + 600 + 1 200 + 2 400 + 4 800 = 9 300 ms, then 5 s each.
    expect(retriesCovering(9_300)).toBe(5);
    expect(retriesCovering(10_000)).toBe(6);
    expect(retriesCovering(60_000)).toBe(16);
    expect(retriesCovering(300_000)).toBe(64);
  });
});
