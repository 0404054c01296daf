import { describe, expect, it } from 'vitest';
import { Prng } from './prng.ts';
import { SIGMAS, mean, variance } from './testing/statistics.ts';

const N = 1_000_000;

describe('Prng', () => {
  it('repeats its sequence for a seed and differs across seeds and streams', () => {
    const draw = (seed: number, stream: number) => {
      const prng = new Prng(seed, stream);
      return Array.from({ length: 8 }, () => prng.nextUint32());
    };
    expect(draw(7, 0)).toEqual(draw(7, 0));
    expect(draw(7, 0)).not.toEqual(draw(8, 0));
    expect(draw(7, 0)).not.toEqual(draw(7, 1));
    // Seeds above 2^32 use their high bits too.
    expect(draw(2 ** 40 + 7, 0)).not.toEqual(draw(7, 0));
  });

  it('draws uniforms in (0, 1) with mean 1/2 and variance 1/12', () => {
    const prng = new Prng(1);
    const xs = Float64Array.from({ length: N }, () => prng.uniform());
    expect(Math.min(...xs.subarray(0, 100_000))).toBeGreaterThan(0);
    expect(Math.max(...xs.subarray(0, 100_000))).toBeLessThan(1);
    // SE of the mean √(1/12/N); SE of the variance √((μ₄ − σ⁴)/N) with μ₄ = 1/80 for U(0,1).
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(SIGMAS * Math.sqrt(1 / 12 / N));
    expect(Math.abs(variance(xs) - 1 / 12)).toBeLessThan(SIGMAS * Math.sqrt((1 / 80 - 1 / 144) / N));
  });

  it('draws standard normals: mean 0, variance 1, kurtosis 3', () => {
    const prng = new Prng(2);
    const xs = Float64Array.from({ length: N }, () => prng.normal());
    // SEs for N(0,1): mean 1/√N, variance √(2/N), fourth moment √((105 − 9)/N).
    expect(Math.abs(mean(xs))).toBeLessThan(SIGMAS / Math.sqrt(N));
    expect(Math.abs(variance(xs) - 1)).toBeLessThan(SIGMAS * Math.sqrt(2 / N));
    expect(Math.abs(mean(xs.map((x) => x ** 4)) - 3)).toBeLessThan(SIGMAS * Math.sqrt(96 / N));
  });
});
