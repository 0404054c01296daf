import { describe, expect, it } from 'vitest';
import type { SpreadAlert } from '../../api/types.ts';
import { alertKey, mergeAlerts, type FeedAlert } from './alert-list.ts';

const alert = (
  symbol: string,
  minute: number,
  type: SpreadAlert['alertType'],
  receivedAt?: number,
): FeedAlert => {
  const base: SpreadAlert = {
    symbol,
    windowStart: new Date(Date.UTC(2026, 0, 5, 14, minute)).toISOString(),
    windowEnd: new Date(Date.UTC(2026, 0, 5, 14, minute + 1)).toISOString(),
    alertType: type,
    avgSpreadBps: 10,
    maxSpreadBps: 40,
    stdSpreadBps: 3,
    orderImbalance: 0.2,
    baselineAvgSpreadBps: 4,
    writtenAt: null,
  };
  return { ...base, key: alertKey(base), receivedAt };
};

describe('alert feed list', () => {
  it('orders newest window first and drops duplicates, keeping the first arrival time', () => {
    const merged = mergeAlerts(
      [alert('AAPL', 1, 'spread_anomaly', 5)],
      [alert('MSFT', 3, 'liquidity_crisis', 9), alert('AAPL', 1, 'spread_anomaly', 7)],
    );
    expect(merged.map((a) => `${a.symbol}:${a.receivedAt}`)).toEqual(['MSFT:9', 'AAPL:5']);
  });

  it('keeps one entry per type of the same window and bounds the list', () => {
    const merged = mergeAlerts(
      [],
      [
        alert('XOM', 2, 'spread_anomaly'),
        alert('XOM', 2, 'liquidity_crisis'),
        alert('A', 1, 'optimal_window'),
      ],
      2,
    );
    expect(merged.map((a) => a.alertType)).toEqual(['liquidity_crisis', 'spread_anomaly']);
  });
});
