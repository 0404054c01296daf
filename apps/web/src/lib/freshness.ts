// Data freshness: how long ago the newest window closed. A 1-minute window is written once the watermark
// passes its end, so up to a minute plus the watermark delay and a checkpoint is normal.

export type FreshnessLevel = 'fresh' | 'late' | 'stale' | 'none';

export const FRESH_MS = 90_000;
export const LATE_MS = 180_000;

export function freshnessLevel(newestWindowEnd: number | null, now: number): FreshnessLevel {
  if (newestWindowEnd === null) return 'none';
  const age = now - newestWindowEnd;
  if (age <= FRESH_MS) return 'fresh';
  return age <= LATE_MS ? 'late' : 'stale';
}
