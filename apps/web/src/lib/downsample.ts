// Keeps charts light: consecutive 1-second bars merged into at most `maxPoints` buckets (mean of the
// averages, min of the minima, max of the maxima).

export interface SpreadBar {
  time: number;
  avg: number | null;
  min: number | null;
  max: number | null;
}

export function downsampleBars(bars: readonly SpreadBar[], maxPoints: number): SpreadBar[] {
  if (bars.length <= maxPoints) return [...bars];
  const size = Math.ceil(bars.length / maxPoints);
  const result: SpreadBar[] = [];
  for (let start = 0; start < bars.length; start += size) {
    const bucket = bars.slice(start, start + size);
    const avgs = bucket.map((bar) => bar.avg).filter((value): value is number => value !== null);
    const mins = bucket.map((bar) => bar.min).filter((value): value is number => value !== null);
    const maxs = bucket.map((bar) => bar.max).filter((value): value is number => value !== null);
    result.push({
      time: bucket[0]!.time,
      avg: avgs.length ? avgs.reduce((sum, value) => sum + value, 0) / avgs.length : null,
      min: mins.length ? Math.min(...mins) : null,
      max: maxs.length ? Math.max(...maxs) : null,
    });
  }
  return result;
}
