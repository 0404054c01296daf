// Ornstein-Uhlenbeck process dX = θ(m − X)dt + σ dW, exact discretisation: given X, X(t+Δt) is normal
// with mean m + (X − m)e^(−θΔt) and variance σ²(1 − e^(−2θΔt))/(2θ).

export interface OuParams {
  /** Mean-reversion speed θ, per unit of time. */
  readonly theta: number;
  /** Long-run mean m. */
  readonly mean: number;
  /** Diffusion σ. */
  readonly sigma: number;
}

export function ouStep(x: number, p: OuParams, dt: number, z: number): number {
  const decay = Math.exp(-p.theta * dt);
  // expm1 keeps the variance accurate for the microsecond steps many symbols produce.
  const variance = (-Math.expm1(-2 * p.theta * dt) * p.sigma * p.sigma) / (2 * p.theta);
  return p.mean + (x - p.mean) * decay + Math.sqrt(variance) * z;
}

export function ouStationaryVariance(p: OuParams): number {
  return (p.sigma * p.sigma) / (2 * p.theta);
}

/** Parameters with the given speed and a stationary standard deviation of 1 around 0. */
export function standardOu(theta: number): OuParams {
  return { theta, mean: 0, sigma: Math.sqrt(2 * theta) };
}
