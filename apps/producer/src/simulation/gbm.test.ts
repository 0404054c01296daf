import { describe, expect, it } from 'vitest';
import { gbmStep } from './gbm.ts';
import { Prng } from './prng.ts';
import { SIGMAS, mean, variance } from './testing/statistics.ts';

describe('gbmStep', () => {
  it('gives log-returns with mean (μ − σ²/2)Δt and variance σ²Δt', () => {
    const n = 1_000_000;
    const mu = 0.08;
    const sigma = 0.3;
    const dt = 0.25;
    const prng = new Prng(11);
    const logReturns = new Float64Array(n);
    let price = 100;
    for (let i = 0; i < n; i++) {
      const next = gbmStep(price, mu, sigma, dt, prng.normal());
      logReturns[i] = Math.log(next / price);
      // Restart from 100 so the price neither overflows nor underflows over a million steps.
      price = 100;
    }
    const theoryVariance = sigma * sigma * dt;
    // Log-returns are i.i.d. normal: SE of the mean √(σ²Δt/n), SE of the sample variance σ²Δt·√(2/(n−1)).
    expect(Math.abs(mean(logReturns) - (mu - (sigma * sigma) / 2) * dt)).toBeLessThan(SIGMAS * Math.sqrt(theoryVariance / n));
    expect(Math.abs(variance(logReturns) - theoryVariance)).toBeLessThan(SIGMAS * theoryVariance * Math.sqrt(2 / (n - 1)));
  });

  it('compounds exactly: many small steps have the law of one large step', () => {
    const paths = 200_000;
    const steps = 10;
    const mu = 0.05;
    const sigma = 0.4;
    const prng = new Prng(12);
    const total = new Float64Array(paths);
    for (let p = 0; p < paths; p++) {
      let price = 1;
      for (let s = 0; s < steps; s++) price = gbmStep(price, mu, sigma, 1 / steps, prng.normal());
      total[p] = Math.log(price);
    }
    expect(Math.abs(mean(total) - (mu - (sigma * sigma) / 2))).toBeLessThan(SIGMAS * Math.sqrt((sigma * sigma) / paths));
    expect(Math.abs(variance(total) - sigma * sigma)).toBeLessThan(SIGMAS * sigma * sigma * Math.sqrt(2 / (paths - 1)));
  });
});
