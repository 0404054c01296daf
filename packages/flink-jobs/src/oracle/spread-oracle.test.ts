import type { MarketEvent } from '@spreadwatch/market-events';
import { describe, expect, it } from 'vitest';
import { sampleStd, spreadAlerts, spreadMetrics } from './spread-oracle.ts';

const t0 = Date.UTC(2026, 0, 5, 14, 0, 0);
const quote = (symbol: string, at: number, bid: number, ask: number, stress = 0): MarketEvent => ({
  symbol,
  event_time: at,
  event_type: 'QUOTE',
  bid,
  ask,
  bid_size: 100,
  ask_size: 100,
  trade_price: null,
  trade_size: null,
  side: null,
  stress,
  sequence: 0,
});
const trade = (
  symbol: string,
  at: number,
  bid: number,
  ask: number,
  price: number,
  size: number,
  side: 'BUY' | 'SELL',
): MarketEvent => ({
  ...quote(symbol, at, bid, ask),
  event_type: 'TRADE',
  trade_price: price,
  trade_size: size,
  side,
});

describe('spreadMetrics', () => {
  it('computes a window by hand', () => {
    const events = [
      quote('X', t0 + 1_000, 99.99, 100.01, 1), // mid 100, spread 2 bps
      quote('X', t0 + 2_000, 99.98, 100.02, 3), // 4 bps
      trade('X', t0 + 3_000, 99.98, 100.02, 100.02, 300, 'BUY'), // effective 2 * 0.02 / 100 * 1e4 = 4 bps
      trade('X', t0 + 4_000, 99.98, 100.02, 99.99, 100, 'SELL'), // 2 bps
    ];
    const [row] = spreadMetrics(events);
    expect(row).toMatchObject({
      symbol: 'X',
      window_start: t0,
      window_end: t0 + 60_000,
      quote_count: 2,
      trade_count: 2,
      volume: 400,
    });
    expect(row?.avg_spread_bps).toBeCloseTo(3, 9);
    expect(row?.min_spread_bps).toBeCloseTo(2, 9);
    expect(row?.max_spread_bps).toBeCloseTo(4, 9);
    expect(row?.std_spread_bps).toBeCloseTo(Math.SQRT2, 9);
    expect(row?.liquidity_score).toBeCloseTo(1000 / 3, 9);
    expect(row?.quote_to_trade_ratio).toBe(1);
    expect(row?.order_imbalance).toBe(0.75);
    expect(row?.vwap).toBeCloseTo((100.02 * 300 + 99.99 * 100) / 400, 9);
    expect(row?.avg_stress).toBe(1); // over all four events, the trades' stress 0 included
    expect(row?.avg_effective_spread_bps).toBeCloseTo((300 * 4 + 100 * 2) / 400, 6);
    expect(row?.spread_anomaly).toBe(false);
    expect(row?.is_optimal).toBe(false); // imbalance 0.75
  });

  it('leaves trade ratios null and flags false in a window without trades', () => {
    const [row] = spreadMetrics([quote('X', t0, 99.99, 100.01), quote('X', t0 + 1, 99.99, 100.01)]);
    expect(row).toMatchObject({
      trade_count: 0,
      volume: 0,
      quote_to_trade_ratio: null,
      order_imbalance: null,
      vwap: null,
      avg_effective_spread_bps: null,
      is_optimal: false,
    });
  });

  it('has no standard deviation for one quote and flags a spike above twice the mean', () => {
    const [single] = spreadMetrics([quote('X', t0, 99.99, 100.01)]);
    expect(single?.std_spread_bps).toBeNull();
    const spiky = spreadMetrics(
      [1, 2, 3, 4].map((i) => quote('X', t0 + i, 99.99, 100.01)).concat(quote('X', t0 + 5, 99.9, 100.1)),
    );
    expect(spiky[0]?.spread_anomaly).toBe(true);
  });

  it('marks an optimal window and separates symbols and windows', () => {
    const events = [
      quote('A', t0, 99.99, 100.01),
      quote('A', t0 + 1, 99.985, 100.015),
      trade('A', t0 + 2, 99.99, 100.01, 100.01, 100, 'BUY'),
      trade('A', t0 + 3, 99.99, 100.01, 99.99, 100, 'SELL'),
      quote('B', t0 + 60_000, 50, 50.1),
      quote('A', t0 + 60_000, 99.99, 100.01),
    ];
    const rows = spreadMetrics(events);
    expect(rows.map((row) => [row.symbol, row.window_start])).toEqual([
      ['A', t0],
      ['A', t0 + 60_000],
      ['B', t0 + 60_000],
    ]);
    expect(rows[0]?.is_optimal).toBe(true);
  });
});

describe('spreadAlerts', () => {
  it('raises a liquidity crisis above twice the mean of up to 10 preceding windows, none without one', () => {
    const window = (minute: number, halfSpread: number): MarketEvent =>
      quote('X', t0 + minute * 60_000, 100 - halfSpread, 100 + halfSpread);
    // 12 calm windows of 2 bps, but the first is 20 bps: it drops out of the baseline at window 11.
    const events = [
      window(0, 0.1),
      ...Array.from({ length: 11 }, (_, i) => window(i + 1, 0.01)),
      window(12, 0.025),
    ];
    const alerts = spreadAlerts(spreadMetrics(events));
    expect(alerts.map((alert) => [alert.alert_type, (alert.window_start - t0) / 60_000])).toEqual([
      ['liquidity_crisis', 12],
    ]);
    expect(alerts[0]?.baseline_avg_spread_bps).toBeCloseTo(2, 9);
    expect(alerts[0]?.avg_spread_bps).toBeCloseTo(5, 9);
  });
});

describe('sampleStd', () => {
  it('is exact for equal values', () => {
    expect(sampleStd([3, 3, 3])).toBe(0);
  });
});
