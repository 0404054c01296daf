import { describe, expect, it } from 'vitest';
import { LIQUIDITY_TIERS, calmSpreadBps, displayedSize, quotedSpreadBps } from './liquidity-tiers.ts';

describe('liquidity tiers', () => {
  it('span about 1 to 15 bps in calm markets', () => {
    expect(Math.min(...LIQUIDITY_TIERS.map((t) => t.minSpreadBps))).toBe(1);
    expect(Math.max(...LIQUIDITY_TIERS.map((t) => t.maxSpreadBps))).toBe(15);
    for (const tier of LIQUIDITY_TIERS) {
      expect(calmSpreadBps(tier, 1e-9)).toBeGreaterThanOrEqual(tier.minSpreadBps);
      expect(calmSpreadBps(tier, 1 - 1e-9)).toBeLessThanOrEqual(tier.maxSpreadBps);
    }
  });

  it('widen spreads with stress and shocks only', () => {
    expect(quotedSpreadBps(5, -2, 1)).toBe(5);
    expect(quotedSpreadBps(5, 0, 1)).toBe(5);
    expect(quotedSpreadBps(5, 1, 1)).toBeGreaterThan(5);
    expect(quotedSpreadBps(5, 2, 1)).toBeGreaterThan(quotedSpreadBps(5, 1, 1));
    expect(quotedSpreadBps(5, 0, 4)).toBe(20);
  });

  it('show whole lots, thinner under stress', () => {
    const tier = LIQUIDITY_TIERS[0]!;
    expect(displayedSize(tier, 0, 1, 0)).toBe(100 * tier.depthLots);
    expect(displayedSize(tier, 3, 1, 0)).toBe(100 * (tier.depthLots / 4));
    expect(displayedSize(tier, 0, 1000, -5)).toBe(100);
  });
});
