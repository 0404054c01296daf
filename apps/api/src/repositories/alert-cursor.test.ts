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
});
