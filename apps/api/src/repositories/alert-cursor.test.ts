import { describe, expect, it } from 'vitest';
import { decodeAlertCursor, encodeAlertCursor } from './alert-cursor.ts';

describe('alert cursor', () => {
  it('round-trips the key of an alert', () => {
    const key = { windowStart: '2026-01-01T10:00:00.000Z', symbol: 'AAPL', alertType: 'spread_anomaly' };
    expect(decodeAlertCursor(encodeAlertCursor(key))).toEqual(key);
  });

  it('rejects text it did not hand out', () => {
    expect(decodeAlertCursor('not-a-cursor')).toBeUndefined();
    expect(decodeAlertCursor(Buffer.from('[1,2,3]').toString('base64url'))).toBeUndefined();
    expect(decodeAlertCursor(Buffer.from('["x","AAPL","t"]').toString('base64url'))).toBeUndefined();
  });

  it('rejects keys PostgreSQL would refuse or that no alert has', () => {
    const forged = (key: unknown[]) =>
      decodeAlertCursor(Buffer.from(JSON.stringify(key)).toString('base64url'));
    expect(forged(['0000-01-01T00:00:00.000Z', 'AAPL', 'spread_anomaly'])).toBeUndefined();
    expect(forged(['2026-02-30T00:00:00.000Z', 'AAPL', 'spread_anomaly'])).toBeUndefined();
    expect(forged(['2026-01-01T12:00:00+02:00', 'AAPL', 'spread_anomaly'])).toBeUndefined();
    expect(forged(['2026-01-01T10:00:00.000Z', 'AA\u0000PL', 'spread_anomaly'])).toBeUndefined();
    expect(forged(['2026-01-01T10:00:00.000Z', 'AAPL', 'boom'])).toBeUndefined();
    expect(forged(['1950-01-01T10:00:00.000Z', 'AAPL', 'optimal_window'])).toEqual({
      windowStart: '1950-01-01T10:00:00.000Z',
      symbol: 'AAPL',
      alertType: 'optimal_window',
    });
  });
});
