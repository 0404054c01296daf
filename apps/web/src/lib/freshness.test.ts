import { describe, expect, it } from 'vitest';
import { FRESH_MS, LATE_MS, freshnessLevel } from './freshness.ts';

describe('freshness', () => {
  const now = Date.UTC(2026, 0, 5, 14, 5);
  it('grades the age of the newest window end', () => {
    expect(freshnessLevel(now - 30_000, now)).toBe('fresh');
    expect(freshnessLevel(now - FRESH_MS, now)).toBe('fresh');
    expect(freshnessLevel(now - FRESH_MS - 1, now)).toBe('late');
    expect(freshnessLevel(now - LATE_MS - 1, now)).toBe('stale');
    expect(freshnessLevel(null, now)).toBe('none');
  });
});
