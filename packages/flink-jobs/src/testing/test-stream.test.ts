import { describe, expect, it } from 'vitest';
import { spreadAlerts, spreadMetrics, WINDOW_MS } from '../oracle/spread-oracle.ts';
import { CRAFTED, testStream } from './test-stream.ts';

const options = { seed: 42, startTime: Date.UTC(2026, 0, 5, 14, 0, 0), minutes: 12, maxDelayMs: 1500 };

describe('testStream', () => {
  const events = testStream(options);

  it('is deterministic', () => {
    expect(testStream(options)).toEqual(events);
  });

  it('is out of order, but never by more than maxDelayMs', () => {
    let newest = -Infinity;
    let outOfOrder = 0;
    for (const event of events) {
      if (event.event_time < newest) outOfOrder++;
      expect(newest - event.event_time).toBeLessThanOrEqual(options.maxDelayMs);
      newest = Math.max(newest, event.event_time);
    }
    expect(outOfOrder).toBeGreaterThan(100);
  });

  it('has the crafted windows', () => {
    const rows = spreadMetrics(events);
    const row = (crafted: { symbol: string; minute: number }) =>
      rows.find(
        (r) =>
          r.symbol === crafted.symbol && r.window_start === options.startTime + crafted.minute * WINDOW_MS,
      );
    const alerts = spreadAlerts(rows);
    const alerted = (type: string, crafted: { symbol: string; minute: number }) =>
      alerts.some(
        (a) =>
          a.alert_type === type &&
          a.symbol === crafted.symbol &&
          a.window_start === options.startTime + crafted.minute * WINDOW_MS,
      );
    expect(alerted('liquidity_crisis', CRAFTED.liquidityCrisis)).toBe(true);
    expect(alerted('spread_anomaly', CRAFTED.spreadAnomaly)).toBe(true);
    expect(alerted('optimal_window', CRAFTED.optimalWindow)).toBe(true);
    expect(row(CRAFTED.noTrades)).toMatchObject({ trade_count: 0, order_imbalance: null });
    expect(row(CRAFTED.noEvents)).toBeUndefined();
    expect(rows).toHaveLength(5 * 12 - 1);
  });
});
