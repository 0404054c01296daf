import { describe, expect, it } from 'vitest';
import { ouStationaryVariance, ouStep, standardOu, type OuParams } from './ornstein-uhlenbeck.ts';
import { Prng } from './prng.ts';
import { SIGMAS, autocovariance, mean, variance } from './testing/statistics.ts';

const params: OuParams = { theta: 0.5, mean: 1, sigma: 0.8 };

describe('ouStep', () => {
  it('reverts to the mean: after t, mean m + (x₀ − m)e^(−θt) and variance σ²(1 − e^(−2θt))/(2θ)', () => {
    const paths = 200_000;
    const x0 = 4;
    const dt = 0.05;
    const steps = 40;
    const prng = new Prng(21);
    const ends = new Float64Array(paths);
    for (let p = 0; p < paths; p++) {
      let x = x0;
      for (let s = 0; s < steps; s++) x = ouStep(x, params, dt, prng.normal());
      ends[p] = x;
    }
    const t = dt * steps;
    const expectedMean = params.mean + (x0 - params.mean) * Math.exp(-params.theta * t);
    const expectedVariance = (params.sigma ** 2 * (1 - Math.exp(-2 * params.theta * t))) / (2 * params.theta);
    // Independent normal end points: SE of the mean √(v/n), of the variance v·√(2/(n−1)).
    expect(Math.abs(mean(ends) - expectedMean)).toBeLessThan(SIGMAS * Math.sqrt(expectedVariance / paths));
    expect(Math.abs(variance(ends) - expectedVariance)).toBeLessThan(SIGMAS * expectedVariance * Math.sqrt(2 / (paths - 1)));
  });

  it('has stationary variance σ²/2θ and lag-one autocorrelation e^(−θΔt) along one long path', () => {
    const n = 1_000_000;
    const dt = 1;
    const prng = new Prng(22);
    const xs = new Float64Array(n);
    let x = params.mean;
    for (let i = 0; i < 1_000; i++) x = ouStep(x, params, dt, prng.normal());
    for (let i = 0; i < n; i++) {
      x = ouStep(x, params, dt, prng.normal());
      xs[i] = x;
    }
    const v = ouStationaryVariance(params);
    const phi = Math.exp(-params.theta * dt);
    // The path is AR(1) with coefficient φ: its sample variance has SE v·√(2(1 + φ²)/(n(1 − φ²))), and
    // the lag-one autocorrelation has SE √((1 − φ²)/n) (Bartlett).
    expect(v).toBeCloseTo(0.64, 12);
    expect(Math.abs(variance(xs) - v)).toBeLessThan(SIGMAS * v * Math.sqrt((2 * (1 + phi * phi)) / (n * (1 - phi * phi))));
    expect(Math.abs(autocovariance(xs, 1) / variance(xs) - phi)).toBeLessThan(SIGMAS * Math.sqrt((1 - phi * phi) / n));
  });

  it('keeps the stationary law over microsecond steps', () => {
    const p = standardOu(1 / 120);
    expect(ouStationaryVariance(p)).toBeCloseTo(1, 12);
    // The step's sd is √(2θΔt)·(1 + O(θΔt)); computed as 1 − e^(−2θΔt) instead of with expm1 it would be
    // off by about 1e-6 relative at Δt = 1e-9, from cancellation.
    const prng = new Prng(23);
    const z = prng.normal();
    const step = ouStep(0, p, 1e-9, z);
    expect(Math.abs(step / z / Math.sqrt(2 * p.theta * 1e-9) - 1)).toBeLessThan(1e-10);
  });
});
