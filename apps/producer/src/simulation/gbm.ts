// Geometric Brownian motion, exact discretisation: log S is Brownian with drift μ − σ²/2, so over any
// step Δt the update S' = S·exp((μ − σ²/2)Δt + σ√Δt·Z) has exactly the law of the continuous process.

/** One step of GBM with drift mu and volatility sigma (per unit of dt), driven by the normal draw z. */
export function gbmStep(price: number, mu: number, sigma: number, dt: number, z: number): number {
  return price * Math.exp((mu - 0.5 * sigma * sigma) * dt + sigma * Math.sqrt(dt) * z);
}
