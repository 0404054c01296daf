import { describe, expect, it } from 'vitest';
import { timelineSeries } from './series.ts';

describe('timeline series', () => {
  const windows = [
    { start: 60_000, end: 120_000, avg: 3, min: 1, max: 9 },
    { start: 0, end: 60_000, avg: 2, min: 1, max: 4 },
  ];

  it('gives each bar the band and average of the window containing it', () => {
    const bars = [
      { time: 59_000, avg: 2.5, min: 2, max: 3 },
      { time: 0, avg: 1.5, min: 1, max: 2 },
      { time: 60_000, avg: 8, min: 7, max: 9 },
      { time: 125_000, avg: 3, min: 3, max: 3 },
    ];
    expect(timelineSeries(bars, windows)).toEqual([
      { time: 0, bar: 1.5, windowAvg: 2, band: [1, 4] },
      { time: 59_000, bar: 2.5, windowAvg: 2, band: [1, 4] },
      { time: 60_000, bar: 8, windowAvg: 3, band: [1, 9] },
      { time: 125_000, bar: 3, windowAvg: null, band: null },
    ]);
  });

  it('downsamples long series', () => {
    const bars = Array.from({ length: 3600 }, (_, i) => ({ time: i * 1000, avg: 1, min: 1, max: 1 }));
    expect(timelineSeries(bars, windows, 900)).toHaveLength(900);
  });
});
