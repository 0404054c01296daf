// Sample statistics for the simulator's statistical tests.
//
// Tolerances: every check compares an estimate with its theoretical value within 5 standard errors,
// where the standard error is derived for that estimate (in each test). A correct simulator fails a
// 5-sigma check with probability about 6e-7 for a normal estimate, and the seeds are fixed anyway, so a
// failure means the model or its discretisation is wrong, not bad luck.
export const SIGMAS = 5;

export function mean(xs: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i] as number;
  return sum / xs.length;
}

/** Unbiased sample variance. */
export function variance(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += ((xs[i] as number) - m) ** 2;
  return sum / (xs.length - 1);
}

/** Sample autocovariance at the given lag (divided by the number of pairs). */
export function autocovariance(xs: ArrayLike<number>, lag: number): number {
  const m = mean(xs);
  let sum = 0;
  for (let i = lag; i < xs.length; i++) sum += ((xs[i] as number) - m) * ((xs[i - lag] as number) - m);
  return sum / (xs.length - lag);
}

export interface RollEstimate {
  /** Roll's spread estimate 2·√(−γ₁), γ₁ the first-order autocovariance of price changes. */
  readonly spread: number;
  readonly standardError: number;
}

/**
 * Roll (1984): with trades bouncing between bid and ask independently of the efficient price, price
 * changes have first autocovariance γ₁ = −E[c²], c the half effective spread, so 2·√(−γ₁) recovers the
 * root-mean-square effective spread. Standard error: γ̂₁ is the mean of x_t = Δp_t·Δp_(t−1), which are
 * dependent up to lag 2 (they share price changes), so Var(γ̂₁) ≈ (γ_x(0) + 2γ_x(1) + 2γ_x(2))/n; the
 * delta method gives SE(ŝ) = SE(γ̂₁)/√(−γ₁).
 */
export function rollEstimate(prices: ArrayLike<number>): RollEstimate {
  const changes = new Float64Array(prices.length - 1);
  for (let i = 1; i < prices.length; i++) changes[i - 1] = (prices[i] as number) - (prices[i - 1] as number);
  const m = mean(changes);
  const products = new Float64Array(changes.length - 1);
  for (let i = 1; i < changes.length; i++) products[i - 1] = ((changes[i] as number) - m) * ((changes[i - 1] as number) - m);
  const gamma1 = mean(products);
  const longRunVariance = variance(products) + 2 * autocovariance(products, 1) + 2 * autocovariance(products, 2);
  const gammaError = Math.sqrt(longRunVariance / products.length);
  return { spread: 2 * Math.sqrt(-gamma1), standardError: gammaError / Math.sqrt(-gamma1) };
}
