// Liquidity tiers: each symbol belongs to one, which sets its calm spread range, activity and depth.
// Spreads widen multiplicatively with stress (dealers' inventory risk) and with volatility (quotes are
// wider when prices move more), and under liquidity shocks.

export interface LiquidityTier {
  readonly name: string;
  /** Calm spread bounds, basis points of the mid. */
  readonly minSpreadBps: number;
  readonly maxSpreadBps: number;
  readonly quotesPerSecond: number;
  /** Mean trade rate in a calm market. */
  readonly tradesPerSecond: number;
  /** Typical displayed size at the best bid or ask, in lots of 100 shares. */
  readonly depthLots: number;
  /** Annualised volatility range of the tier's symbols. */
  readonly minVolatility: number;
  readonly maxVolatility: number;
}

export const LIQUIDITY_TIERS: readonly LiquidityTier[] = [
  { name: 'mega', minSpreadBps: 1, maxSpreadBps: 3, quotesPerSecond: 20, tradesPerSecond: 8, depthLots: 40, minVolatility: 0.15, maxVolatility: 0.25 },
  { name: 'large', minSpreadBps: 2, maxSpreadBps: 6, quotesPerSecond: 10, tradesPerSecond: 4, depthLots: 20, minVolatility: 0.2, maxVolatility: 0.35 },
  { name: 'mid', minSpreadBps: 4, maxSpreadBps: 10, quotesPerSecond: 4, tradesPerSecond: 1.5, depthLots: 8, minVolatility: 0.3, maxVolatility: 0.5 },
  { name: 'small', minSpreadBps: 7, maxSpreadBps: 15, quotesPerSecond: 1.5, tradesPerSecond: 0.5, depthLots: 3, minVolatility: 0.4, maxVolatility: 0.7 },
];

/** Spread widening per unit of positive stress. */
export const STRESS_SPREAD_WIDENING = 0.6;
/** Volatility increase per unit of positive stress. */
export const STRESS_VOLATILITY_INCREASE = 0.5;

/** Calm spread: position in (0, 1) mapped linearly inside the tier's bounds. */
export function calmSpreadBps(tier: LiquidityTier, position: number): number {
  return tier.minSpreadBps + (tier.maxSpreadBps - tier.minSpreadBps) * position;
}

/** Volatility multiplier under stress: 1 when calm (stress ≤ 0). */
export function volatilityMultiplier(stress: number): number {
  return 1 + STRESS_VOLATILITY_INCREASE * Math.max(stress, 0);
}

/** Quoted spread: the calm spread times stress, volatility and shock widening (each ≥ 1, 1 when calm). */
export function quotedSpreadBps(calmBps: number, stress: number, shockMultiplier: number): number {
  return calmBps * (1 + STRESS_SPREAD_WIDENING * Math.max(stress, 0)) * volatilityMultiplier(stress) * shockMultiplier;
}

/** Displayed size in shares: fewer lots when stressed or shocked; `noise` is a standard normal draw. */
export function displayedSize(tier: LiquidityTier, stress: number, shockMultiplier: number, noise: number): number {
  const lots = (tier.depthLots * Math.exp(0.5 * noise)) / ((1 + Math.max(stress, 0)) * shockMultiplier);
  return 100 * Math.max(1, Math.round(lots));
}
