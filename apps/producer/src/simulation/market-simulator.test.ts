import { createHash } from 'node:crypto';
import type { MarketEvent } from '@spreadwatch/market-events';
import { beforeAll, describe, expect, it } from 'vitest';
import { MarketSimulator, naturalEventRate, simulateMarket, type SimulatorOptions } from './market-simulator.ts';
import type { SymbolSpec } from './symbol-universe.ts';
import { SIGMAS, rollEstimate } from './testing/statistics.ts';

const START = Date.UTC(2026, 0, 5, 14, 30);

function spreadBps(e: MarketEvent): number {
  return ((e.ask - e.bid) / ((e.ask + e.bid) / 2)) * 10_000;
}

function bySymbol(events: Iterable<MarketEvent>): Map<string, MarketEvent[]> {
  const groups = new Map<string, MarketEvent[]>();
  for (const e of events) {
    const group = groups.get(e.symbol);
    if (group === undefined) groups.set(e.symbol, [e]);
    else group.push(e);
  }
  return groups;
}

function ndjson(options: SimulatorOptions): string {
  let out = '';
  for (const e of simulateMarket(options)) out += JSON.stringify(e) + '\n';
  return out;
}

describe('market simulator without shocks', () => {
  const simulator = new MarketSimulator({ seed: 101, startTime: START, symbols: 12, count: 2_000_000, model: { shocks: null } });
  let events: MarketEvent[];
  let specs: Map<string, SymbolSpec>;
  beforeAll(() => {
    events = [...simulator];
    specs = new Map(simulator.universe.map((s) => [s.symbol, s]));
  });

  it('keeps each symbol in event-time order, with contiguous sequences starting at a quote', () => {
    // Violations are collected and asserted once: an expect per event would take minutes.
    const violations: string[] = [];
    for (const [symbol, group] of bySymbol(events)) {
      if (group[0]?.event_type !== 'QUOTE') violations.push(`${symbol} starts with a trade`);
      group.forEach((e, k) => {
        if (e.sequence !== k) violations.push(`${symbol}/${e.sequence} at position ${k}`);
        if (k > 0 && e.event_time < group[k - 1]!.event_time) violations.push(`${symbol}/${e.sequence} goes back in time`);
      });
    }
    expect(violations).toEqual([]);
  });

  it('keeps calm spreads inside their tier bounds and widens them under stress', () => {
    let calmQuotes = 0;
    let calmRelative = 0;
    let stressedQuotes = 0;
    let stressedRelative = 0;
    let aboveTier = 0;
    const outside: MarketEvent[] = [];
    for (const e of events) {
      if (e.event_type !== 'QUOTE') continue;
      const tier = specs.get(e.symbol)!.tier;
      const bps = spreadBps(e);
      // Relative to the tier's mid-range spread, so tiers can be pooled.
      const relative = bps / ((tier.minSpreadBps + tier.maxSpreadBps) / 2);
      if (e.stress <= 0) {
        // Calm: no stress widening and no shocks, so the spread is its calm component (bps recomputed from
        // prices, hence the 1e-9 slack).
        if (bps < tier.minSpreadBps - 1e-9 || bps > tier.maxSpreadBps + 1e-9) outside.push(e);
        calmQuotes++;
        calmRelative += relative;
      } else if (e.stress > 1) {
        stressedQuotes++;
        stressedRelative += relative;
        if (bps > tier.maxSpreadBps) aboveTier++;
      }
    }
    expect(outside).toEqual([]);
    expect(calmQuotes).toBeGreaterThan(100_000);
    expect(stressedQuotes).toBeGreaterThan(50_000);
    // At stress s > 1 the widening (1 + 0.6s)(1 + 0.5s) exceeds 2.4.
    expect(stressedRelative / stressedQuotes / (calmRelative / calmQuotes)).toBeGreaterThan(2);
    expect(aboveTier / stressedQuotes).toBeGreaterThan(0.5);
  });

  it('trades inside the prevailing quote, about 70% of them at the quote', () => {
    let trades = 0;
    let atQuote = 0;
    const violations: MarketEvent[] = [];
    for (const e of events) {
      if (e.event_type !== 'TRADE') continue;
      trades++;
      const price = e.trade_price!;
      const size = e.trade_size!;
      if (price < e.bid || price > e.ask || size % 100 !== 0 || size > (e.side === 'BUY' ? e.ask_size : e.bid_size)) {
        violations.push(e);
      }
      if (price === e.bid || price === e.ask) atQuote++;
    }
    expect(violations).toEqual([]);
    // Binomial with p = 0.7: SE √(p(1−p)/n).
    expect(Math.abs(atQuote / trades - 0.7)).toBeLessThan(SIGMAS * Math.sqrt((0.7 * 0.3) / trades));
  });

  it('balances buyer- and seller-initiated trades', () => {
    let trades = 0;
    let buys = 0;
    for (const e of events) {
      if (e.event_type !== 'TRADE') continue;
      trades++;
      if (e.side === 'BUY') buys++;
    }
    // Sides are Bernoulli(1/2) without shocks: SE of the buy share 0.5/√n.
    expect(trades).toBeGreaterThan(300_000);
    expect(Math.abs(buys / trades - 0.5)).toBeLessThan((SIGMAS * 0.5) / Math.sqrt(trades));
  });

  it('trades less often while spreads are wide', () => {
    const counts = { calm: { quotes: 0, trades: 0 }, stressed: { quotes: 0, trades: 0 } };
    for (const e of events) {
      const regime = e.stress <= 0 ? counts.calm : e.stress > 1 ? counts.stressed : undefined;
      if (regime === undefined) continue;
      if (e.event_type === 'QUOTE') regime.quotes++;
      else regime.trades++;
    }
    // Quotes arrive at a constant rate, so trades per quote measures the trade rate.
    expect(counts.stressed.trades / counts.stressed.quotes).toBeLessThan(0.6 * (counts.calm.trades / counts.calm.quotes));
  });

  it("recovers the effective spread with Roll's estimator (stylised fact: negative autocovariance of trade price changes)", () => {
    for (const [symbol, group] of bySymbol(events)) {
      const trades = group.filter((e) => e.event_type === 'TRADE');
      const logPrices = Float64Array.from(trades, (e) => Math.log(e.trade_price!));
      // Roll estimates the root-mean-square effective spread 2|ln p − ln m| at the trades.
      let sumSquares = 0;
      for (const e of trades) sumSquares += (2 * Math.log(e.trade_price! / ((e.bid + e.ask) / 2))) ** 2;
      const rmsEffective = Math.sqrt(sumSquares / trades.length);
      const roll = rollEstimate(logPrices);
      expect(trades.length, symbol).toBeGreaterThan(3_000);
      expect(Math.abs(roll.spread - rmsEffective), symbol).toBeLessThan(SIGMAS * roll.standardError);
    }
  });
});

describe('market simulator prices', () => {
  it('have realised variance σ²T along each path when stress is off (GBM between quotes)', () => {
    const simulator = new MarketSimulator({
      seed: 202,
      startTime: START,
      symbols: 8,
      count: 1_500_000,
      model: { shocks: null, stressSensitivityScale: 0 },
    });
    const groups = bySymbol(simulator);
    for (const spec of simulator.universe) {
      const quotes = groups.get(spec.symbol)!.filter((e) => e.event_type === 'QUOTE');
      let realised = 0;
      for (let k = 1; k < quotes.length; k++) {
        const m0 = (quotes[k - 1]!.bid + quotes[k - 1]!.ask) / 2;
        const m1 = (quotes[k]!.bid + quotes[k]!.ask) / 2;
        realised += Math.log(m1 / m0) ** 2;
      }
      const seconds = (quotes.at(-1)!.event_time - quotes[0]!.event_time) / 1000;
      // Sum of n squared N(0, σ²Δtᵢ) returns (drift negligible): mean σ²T, variance 2σ⁴ΣΔtᵢ². Quote gaps
      // are exponential with rate λ, so ΣΔtᵢ² ≈ 2n/λ² = 2T²/n and the ratio to σ²T has SE 2/√n.
      const n = quotes.length - 1;
      expect(Math.abs(realised / (spec.volatility ** 2 * seconds) - 1), spec.symbol).toBeLessThan((SIGMAS * 2) / Math.sqrt(n));
    }
  });

  it('scales arrival rates to the requested event rate (quotes are Poisson at the scaled rates)', () => {
    const eventRate = 20_000;
    const simulator = new MarketSimulator({ seed: 303, startTime: START, symbols: 50, count: 1_000_000, eventRate });
    const scale = eventRate / naturalEventRate(simulator.universe);
    const quoteRate = simulator.universe.reduce((sum, s) => sum + s.tier.quotesPerSecond * scale, 0);
    let quotes = 0;
    let last = START;
    for (const e of simulator) {
      if (e.event_type === 'QUOTE') quotes++;
      last = e.event_time;
    }
    const seconds = (last - START) / 1000;
    // Poisson count with mean λT: SE of the rate √(λ/T).
    expect(Math.abs(quotes / seconds - quoteRate)).toBeLessThan(SIGMAS * Math.sqrt(quoteRate / seconds) + quotes / seconds / (seconds * 1000));
  });
});

describe('market simulator with shocks', () => {
  it('produces spread blow-outs that decay, and fire sales during them', () => {
    const simulator = new MarketSimulator({ seed: 404, startTime: START, symbols: 12, count: 1_000_000 });
    const maxBps = new Map(simulator.universe.map((s) => [s.symbol, s.tier.maxSpreadBps]));
    let blowOuts = 0;
    let shockedTrades = 0;
    let shockedSells = 0;
    for (const e of simulator) {
      // Quotes (and trades against them) with spreads beyond 4x the tier's calm maximum while the market is
      // calm can only be shocks.
      const blown = e.stress <= 0 && spreadBps(e) > 4 * maxBps.get(e.symbol)!;
      if (blown && e.event_type === 'QUOTE') blowOuts++;
      if (blown && e.event_type === 'TRADE') {
        shockedTrades++;
        if (e.side === 'SELL') shockedSells++;
      }
    }
    expect(blowOuts).toBeGreaterThan(1_000);
    // Sell probability is at least 0.5 + 0.3·(1 − 1/4) = 0.725 beyond a 4x blow-out.
    expect(shockedSells / shockedTrades).toBeGreaterThan(0.7);
  });
});

describe('market simulator determinism', () => {
  const options: SimulatorOptions = { seed: 7, startTime: START, symbols: 20, count: 20_000, lateFraction: 0.1, maxDelayMs: 500 };

  it('gives the same stream, byte for byte, for the same seed, start time and options', () => {
    expect(ndjson(options)).toBe(ndjson(options));
    expect(ndjson({ ...options, seed: 8 })).not.toBe(ndjson(options));
    const shifted = ndjson({ ...options, startTime: START + 1000 });
    expect(shifted).not.toBe(ndjson(options));
    expect(shifted.replace(/"event_time":(\d+)/g, (_, t: string) => `"event_time":${Number(t) - 1000}`)).toBe(ndjson(options));
  });

  it('matches the recorded stream (a changed hash means replays of old seeds change: intended model changes only)', () => {
    const hash = createHash('sha256').update(ndjson(options)).digest('hex');
    expect(hash).toBe('921dc7a24ebe04e18739fe117f17d9fc9e97345f2da9bb9c951e38115ab44c33');
  });

  it('reorders but does not change the events when some are late', () => {
    const inOrder = [...simulateMarket({ ...options, lateFraction: 0 })];
    const late = [...simulateMarket(options)];
    const key = (e: MarketEvent) => `${e.symbol}/${e.sequence}`;
    expect(late.map(key)).not.toEqual(inOrder.map(key));
    expect(new Map(late.map((e) => [key(e), e]))).toEqual(new Map(inOrder.map((e) => [key(e), e])));
  });

  it('stops at the count or at the end of the duration', () => {
    expect([...simulateMarket({ ...options, count: 123 })]).toHaveLength(123);
    const timed = [...simulateMarket({ seed: 7, startTime: START, symbols: 20, durationMs: 30_000 })];
    expect(timed.at(-1)!.event_time).toBeLessThan(START + 30_000);
    expect(timed.at(-1)!.event_time).toBeGreaterThan(START + 29_000);
  });
});
