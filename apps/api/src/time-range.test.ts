import { describe, expect, it } from 'vitest';
import { instant, timeRange } from './time-range.ts';

describe('time ranges', () => {
  it('normalises offsets to UTC', () => {
    expect(instant('from', '2026-01-01T10:00:00+02:00')).toBe('2026-01-01T08:00:00.000Z');
  });

  it('rejects reversed, empty and malformed ranges with a message naming the problem', () => {
    expect(() => timeRange('2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z')).toThrow(/reversed/);
    expect(() => timeRange('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toThrow(/empty/);
    expect(() => instant('to', '2026-13-45T99:00:00Z')).toThrow(/to is not an ISO 8601 time/);
  });
});
