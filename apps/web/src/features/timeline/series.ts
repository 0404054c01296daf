// Joins the 1-second bars with the 1-minute window that contains each one: the chart draws the bar
// average as a line over the window's avg and min–max band.
import { downsampleBars, type SpreadBar } from '../../lib/downsample.ts';

export interface WindowBand {
  start: number;
  end: number;
  avg: number | null;
  min: number | null;
  max: number | null;
}

export interface TimelinePoint {
  time: number;
  bar: number | null;
  windowAvg: number | null;
  band: [number, number] | null;
}

export function timelineSeries(
  bars: readonly SpreadBar[],
  windows: readonly WindowBand[],
  maxPoints = 900,
): TimelinePoint[] {
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  const points = downsampleBars(
    [...bars].sort((a, b) => a.time - b.time),
    maxPoints,
  );
  let w = 0;
  return points.map((bar) => {
    while (w < sorted.length && sorted[w]!.end <= bar.time) w++;
    const window = sorted[w] && sorted[w]!.start <= bar.time ? sorted[w] : undefined;
    return {
      time: bar.time,
      bar: bar.avg,
      windowAvg: window?.avg ?? null,
      band: window && window.min !== null && window.max !== null ? [window.min, window.max] : null,
    };
  });
}
