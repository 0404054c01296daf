// An independent TypeScript computation of the spread_metrics and spread_alerts definitions (issue 4),
// written from the definitions rather than from the SQL, to check the Flink jobs against.
import type { MarketEvent } from '@spreadwatch/market-events';

export const WINDOW_MS = 60_000;
/** Preceding windows in a liquidity-crisis baseline. */
export const BASELINE_WINDOWS = 10;

export interface SpreadMetricsRow {
  symbol: string;
  window_start: number;
  window_end: number;
  quote_count: number;
  trade_count: number;
  avg_spread_bps: number | null;
  min_spread_bps: number | null;
  max_spread_bps: number | null;
  std_spread_bps: number | null;
  liquidity_score: number | null;
  quote_to_trade_ratio: number | null;
  order_imbalance: number | null;
  volume: number;
  vwap: number | null;
  avg_stress: number | null;
  avg_effective_spread_bps: number | null;
  spread_anomaly: boolean;
  is_optimal: boolean;
}

export type AlertType = 'spread_anomaly' | 'liquidity_crisis' | 'optimal_window';

export interface SpreadAlertRow {
  symbol: string;
  window_start: number;
  window_end: number;
  alert_type: AlertType;
  avg_spread_bps: number | null;
  max_spread_bps: number | null;
  std_spread_bps: number | null;
  order_imbalance: number | null;
  baseline_avg_spread_bps: number | null;
}

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
const ratio = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b === 0 ? null : a / b;
const midOf = (event: MarketEvent): number => (event.bid + event.ask) / 2;

/** Two-pass sample standard deviation (n - 1); null below two values. */
export function sampleStd(values: number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1));
}

export function windowMetrics(symbol: string, windowStart: number, events: MarketEvent[]): SpreadMetricsRow {
  const quotes = events.filter((event) => event.event_type === 'QUOTE');
  const trades = events.filter((event) => event.event_type === 'TRADE');
  const spreads = quotes.map((quote) => ((quote.ask - quote.bid) / midOf(quote)) * 10_000);
  const size = (trade: MarketEvent): number => trade.trade_size ?? 0;
  const volume = trades.reduce((sum, trade) => sum + size(trade), 0);
  const buyVolume = trades
    .filter((trade) => trade.side === 'BUY')
    .reduce((sum, trade) => sum + size(trade), 0);
  const notional = trades.reduce((sum, trade) => sum + (trade.trade_price ?? 0) * size(trade), 0);
  const effective = trades.reduce((sum, trade) => {
    const mid = midOf(trade);
    return sum + size(trade) * ((2 * Math.abs((trade.trade_price ?? 0) - mid)) / mid) * 10_000;
  }, 0);
  const avg = mean(spreads);
  const max = spreads.length ? Math.max(...spreads) : null;
  const std = sampleStd(spreads);
  const imbalance = trades.length ? ratio(buyVolume, volume) : null;
  return {
    symbol,
    window_start: windowStart,
    window_end: windowStart + WINDOW_MS,
    quote_count: quotes.length,
    trade_count: trades.length,
    avg_spread_bps: avg,
    min_spread_bps: spreads.length ? Math.min(...spreads) : null,
    max_spread_bps: max,
    std_spread_bps: std,
    liquidity_score: ratio(1000, avg),
    quote_to_trade_ratio: ratio(quotes.length, trades.length),
    order_imbalance: imbalance,
    volume,
    vwap: trades.length ? ratio(notional, volume) : null,
    avg_stress: mean(events.map((event) => event.stress)),
    avg_effective_spread_bps: trades.length ? ratio(effective, volume) : null,
    spread_anomaly: max !== null && avg !== null && max > 2 * avg,
    is_optimal:
      avg !== null &&
      std !== null &&
      imbalance !== null &&
      avg < 5 &&
      std < 2 &&
      imbalance > 0.4 &&
      imbalance < 0.6,
  };
}

/** One row per symbol and 1-minute tumbling window holding events, ordered by symbol, then window. */
export function spreadMetrics(events: readonly MarketEvent[]): SpreadMetricsRow[] {
  const windows = new Map<string, { symbol: string; start: number; events: MarketEvent[] }>();
  for (const event of events) {
    const start = event.event_time - (event.event_time % WINDOW_MS);
    const key = `${event.symbol}\u0000${start}`;
    const window = windows.get(key) ?? { symbol: event.symbol, start, events: [] };
    window.events.push(event);
    windows.set(key, window);
  }
  return [...windows.values()]
    .map((window) => windowMetrics(window.symbol, window.start, window.events))
    .sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : a.window_start - b.window_start));
}

/** Alerts of the window rows (as spreadMetrics orders them): anomalies, optimal windows, liquidity crises. */
export function spreadAlerts(rows: readonly SpreadMetricsRow[]): SpreadAlertRow[] {
  const alerts: SpreadAlertRow[] = [];
  const bySymbol = new Map<string, SpreadMetricsRow[]>();
  for (const row of rows) bySymbol.set(row.symbol, [...(bySymbol.get(row.symbol) ?? []), row]);
  for (const symbolRows of bySymbol.values()) {
    symbolRows.forEach((row, index) => {
      const preceding = symbolRows.slice(Math.max(0, index - BASELINE_WINDOWS), index);
      const baseline = mean(
        preceding.map((p) => p.avg_spread_bps).filter((avg): avg is number => avg !== null),
      );
      const alert = (alert_type: AlertType): SpreadAlertRow => ({
        symbol: row.symbol,
        window_start: row.window_start,
        window_end: row.window_end,
        alert_type,
        avg_spread_bps: row.avg_spread_bps,
        max_spread_bps: row.max_spread_bps,
        std_spread_bps: row.std_spread_bps,
        order_imbalance: row.order_imbalance,
        baseline_avg_spread_bps: baseline,
      });
      if (row.spread_anomaly) alerts.push(alert('spread_anomaly'));
      if (row.avg_spread_bps !== null && baseline !== null && row.avg_spread_bps > 2 * baseline)
        alerts.push(alert('liquidity_crisis'));
      if (row.is_optimal) alerts.push(alert('optimal_window'));
    });
  }
  return alerts;
}

export interface SpreadBarRow {
  symbol: string;
  bar_start: number;
  bar_end: number;
  quote_count: number;
  avg_spread_bps: number;
  min_spread_bps: number;
  max_spread_bps: number;
}

/** 1-second bars of the quoted spread, one per symbol and second holding quotes. */
export function spreadBars(events: readonly MarketEvent[]): SpreadBarRow[] {
  const bars = new Map<string, { symbol: string; start: number; spreads: number[] }>();
  for (const event of events) {
    if (event.event_type !== 'QUOTE') continue;
    const start = event.event_time - (event.event_time % 1000);
    const key = `${event.symbol}\u0000${start}`;
    const bar = bars.get(key) ?? { symbol: event.symbol, start, spreads: [] };
    bar.spreads.push(((event.ask - event.bid) / midOf(event)) * 10_000);
    bars.set(key, bar);
  }
  return [...bars.values()].map((bar) => ({
    symbol: bar.symbol,
    bar_start: bar.start,
    bar_end: bar.start + 1000,
    quote_count: bar.spreads.length,
    avg_spread_bps: mean(bar.spreads) as number,
    min_spread_bps: Math.min(...bar.spreads),
    max_spread_bps: Math.max(...bar.spreads),
  }));
}
