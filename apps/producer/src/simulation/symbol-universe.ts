// The simulated instruments: ticker, liquidity tier and model parameters, drawn from the seed.
import { LIQUIDITY_TIERS, type LiquidityTier } from './liquidity-tiers.ts';
import type { Prng } from './prng.ts';

/** Seconds in a trading year (252 days of 6.5 hours): annualised drift and volatility are converted with it. */
export const TRADING_SECONDS_PER_YEAR = 252 * 6.5 * 3600;

export const MAX_SYMBOLS = 100_000;

export interface SymbolSpec {
  readonly symbol: string;
  readonly tier: LiquidityTier;
  readonly initialPrice: number;
  /** GBM drift and volatility per second. */
  readonly drift: number;
  readonly volatility: number;
  /** Multiplier of the market stress factor this symbol sees. */
  readonly stressSensitivity: number;
}

const TICKER_SPACE = 26 ** 4;
// Coprime with 26, so i -> i·STRIDE mod 26^4 is a bijection: distinct, scattered four-letter tickers.
const TICKER_STRIDE = 104_729;

/** Four-letter ticker of the i-th symbol; the same for every seed so dashboards keep their names. */
export function ticker(index: number): string {
  let code = (index * TICKER_STRIDE + 12_345) % TICKER_SPACE;
  let out = '';
  for (let k = 0; k < 4; k++) {
    out = String.fromCharCode(65 + (code % 26)) + out;
    code = Math.floor(code / 26);
  }
  return out;
}

export function createUniverse(count: number, prng: Prng): SymbolSpec[] {
  const specs: SymbolSpec[] = [];
  for (let i = 0; i < count; i++) {
    // Round-robin tiers: even a dozen symbols cover every tier.
    const tier = LIQUIDITY_TIERS[i % LIQUIDITY_TIERS.length] as LiquidityTier;
    const annualVolatility = tier.minVolatility + (tier.maxVolatility - tier.minVolatility) * prng.uniform();
    const annualDrift = -0.05 + 0.2 * prng.uniform();
    specs.push({
      symbol: ticker(i),
      tier,
      // Log-uniform between 5 and 500.
      initialPrice: 5 * Math.exp(Math.log(100) * prng.uniform()),
      drift: annualDrift / TRADING_SECONDS_PER_YEAR,
      volatility: annualVolatility / Math.sqrt(TRADING_SECONDS_PER_YEAR),
      stressSensitivity: 0.5 + prng.uniform(),
    });
  }
  return specs;
}
