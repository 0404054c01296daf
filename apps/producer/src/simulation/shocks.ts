// Liquidity shocks: spread blow-outs that start abruptly and decay exponentially. They arrive as a
// Poisson process per symbol, more often under stress, and overlapping shocks add up.

export interface ShockParams {
  /** Arrivals per second per symbol in a calm market. */
  readonly ratePerSecond: number;
  /** Log-rate increase per unit of positive stress. */
  readonly stressRateSensitivity: number;
  /** Spread multiplier at onset is 1 + amplitude, amplitude = minAmplitude + Exp(meanExtraAmplitude). */
  readonly minAmplitude: number;
  readonly meanExtraAmplitude: number;
  readonly halfLifeSeconds: number;
}

export const DEFAULT_SHOCKS: ShockParams = {
  ratePerSecond: 1 / 600,
  stressRateSensitivity: 1,
  minAmplitude: 2,
  meanExtraAmplitude: 6,
  halfLifeSeconds: 8,
};

/** Probability that at least one shock starts within dt seconds at the given stress. */
export function shockProbability(p: ShockParams, stress: number, dt: number): number {
  const rate = p.ratePerSecond * Math.exp(p.stressRateSensitivity * Math.max(stress, 0));
  return -Math.expm1(-rate * dt);
}

/** Remaining amplitude of a shock of the given amplitude after `age` seconds. */
export function decayedAmplitude(p: ShockParams, amplitude: number, age: number): number {
  return amplitude * Math.pow(2, -age / p.halfLifeSeconds);
}

/** Amplitude of a new shock; `u` is a uniform in (0, 1). */
export function drawAmplitude(p: ShockParams, u: number): number {
  return p.minAmplitude - p.meanExtraAmplitude * Math.log(u);
}

/**
 * Probability that a trade is seller-initiated: one half when there is no shock, up to 0.8 in a severe
 * one (shocks are fire sales).
 */
export function sellProbability(shockMultiplier: number): number {
  return 0.5 + 0.3 * (1 - 1 / shockMultiplier);
}
