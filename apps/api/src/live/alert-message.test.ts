import { describe, expect, it } from 'vitest';
import { alertKey, parseAlertMessage, utcIso } from './alert-message.ts';

describe('alert messages of the alerts topic', () => {
  it('reads Flink JSON with offset-less timestamps as UTC', () => {
    const alert = parseAlertMessage(
      Buffer.from(
        JSON.stringify({
          symbol: 'MSFT',
          window_start: '2026-01-01T10:03:00',
          window_end: '2026-01-01T10:04:00',
          alert_type: 'spread_anomaly',
          avg_spread_bps: 4,
          max_spread_bps: 30,
          std_spread_bps: 2,
          order_imbalance: 0.5,
          baseline_avg_spread_bps: null,
        }),
      ),
    );
    expect(alert).toMatchObject({
      windowStart: '2026-01-01T10:03:00.000Z',
      windowEnd: '2026-01-01T10:04:00.000Z',
    });
    expect(alertKey(alert)).toBe('MSFT|2026-01-01T10:03:00.000Z|spread_anomaly');
  });

  it('keeps explicit offsets and rejects other messages', () => {
    expect(utcIso('2026-01-01T10:00:00+01:00')).toBe('2026-01-01T09:00:00.000Z');
    expect(() => parseAlertMessage(Buffer.from('{"symbol":"X","alert_type":"other"}'))).toThrow(
      /not an alert/,
    );
  });
});
