import { describe, expect, it } from 'vitest';
import { instant, isServedTime, parseInstant, timeRange } from './time-range.ts';

describe('time ranges', () => {
  it('normalises offsets to UTC', () => {
    expect(instant('from', '2026-01-01T10:00:00+02:00')).toBe('2026-01-01T08:00:00.000Z');
  });

  it('rejects reversed, empty and malformed ranges with a message naming the problem', () => {
    expect(() => timeRange('2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z')).toThrow(/reversed/);
    expect(() => timeRange('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toThrow(/empty/);
    expect(() => instant('to', '2026-13-45T99:00:00Z')).toThrow(/to is not an ISO 8601 time/);
  });

  it('accepts 1970-01-01 through 9999-12-31 only, after the offset is applied', () => {
    expect(instant('from', '1970-01-01T00:00:00Z')).toBe('1970-01-01T00:00:00.000Z');
    expect(instant('to', '9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z');
    expect(() => instant('from', '0000-01-01T00:00:00Z')).toThrow(
      'from is outside 1970-01-01T00:00:00.000Z .. 9999-12-31T23:59:59.999Z: "0000-01-01T00:00:00Z"',
    );
    expect(() => instant('since', '1969-12-31T23:59:59.999Z')).toThrow(/^since is outside/);
    expect(() => instant('from', '1970-01-01T00:30:00+01:00')).toThrow(/^from is outside/);
    expect(() => instant('to', '9999-12-31T23:00:00-05:00')).toThrow(/^to is outside/);
    expect(() => timeRange('2026-01-01T00:00:00Z', '+010000-01-01T00:00:00Z')).toThrow(/^to is outside/);
  });

  it('knows the times it serves, to check those a client sends back in a cursor', () => {
    expect(isServedTime('2026-01-01T10:00:00.000Z')).toBe(true);
    expect(isServedTime('1950-06-01T00:00:00.000Z')).toBe(true);
    expect(isServedTime('2026-01-01T10:00:00Z')).toBe(false);
    expect(isServedTime('2026-02-30T00:00:00.000Z')).toBe(false);
    expect(isServedTime('0000-01-01T00:00:00.000Z')).toBe(false);
    expect(isServedTime('+010000-01-01T00:00:00.000Z')).toBe(false);
    expect(isServedTime('yesterday')).toBe(false);
  });

  it('says what is wrong instead of throwing for callers that map it themselves', () => {
    expect(parseInstant('2026-01-01T00:00:00Z')).toEqual({ iso: '2026-01-01T00:00:00.000Z' });
    expect(parseInstant('garbage')).toEqual({ problem: 'is not an ISO 8601 time' });
  });
});
