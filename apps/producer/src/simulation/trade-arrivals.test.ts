import { describe, expect, it } from 'vitest';
import { Prng } from './prng.ts';
import { SIGMAS, mean } from './testing/statistics.ts';
import { decayExcitation, nextArrivalDelay, tradeBaseline } from './trade-arrivals.ts';

/** Arrivals of a Hawkes process over [0, horizon), by repeated exact waiting times. */
function countArrivals(baseline: number, jump: number, decay: number, horizon: number, prng: Prng): number {
  let t = 0;
  let excitation = 0;
  let count = 0;
  for (;;) {
    const wait = nextArrivalDelay(baseline, excitation, decay, prng.uniform(), prng.uniform());
    t += wait;
    if (t >= horizon) return count;
    excitation = decayExcitation(excitation, decay, wait) + jump;
    count++;
  }
}

describe('trade arrivals', () => {
  it('without excitation are Poisson: mean waiting time 1/b', () => {
    const n = 500_000;
    const b = 3;
    const prng = new Prng(31);
    const waits = Float64Array.from({ length: n }, () => nextArrivalDelay(b, 0, 2, prng.uniform(), prng.uniform()));
    // Exponential waits: SE of the mean (1/b)/√n.
    expect(Math.abs(mean(waits) - 1 / b)).toBeLessThan((SIGMAS * (1 / b)) / Math.sqrt(n));
  });

  it('self-excite to the stationary rate b/(1 − α/β)', () => {
    const b = 2;
    const jump = 1.5;
    const decay = 3;
    const branching = jump / decay;
    const horizon = 500_000;
    const count = countArrivals(b, jump, decay, horizon, new Prng(32));
    // For a stationary Hawkes process Var N(T) ≈ T·b/(1 − n)³ at large T (Bacry et al. 2013), so the
    // rate estimate N/T has SE √(b/((1 − n)³T)). Pure Poisson at the same b would be off by a factor 2.
    const rate = b / (1 - branching);
    expect(Math.abs(count / horizon - rate)).toBeLessThan(SIGMAS * Math.sqrt(b / ((1 - branching) ** 3 * horizon)));
  });

  it('falls as the spread widens', () => {
    expect(tradeBaseline(4, 5, 5)).toBe(4);
    expect(tradeBaseline(4, 5, 10)).toBe(2);
    expect(tradeBaseline(4, 5, 50)).toBeLessThan(tradeBaseline(4, 5, 10));
  });
});
