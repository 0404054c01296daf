import { describe, expect, it } from 'vitest';
import { downsampleBars } from './downsample.ts';

describe('bar downsampling', () => {
  it('keeps short series as they are', () => {
    const bars = [{ time: 0, avg: 1, min: 1, max: 1 }];
    expect(downsampleBars(bars, 10)).toEqual(bars);
  });

  it('merges buckets: first time, mean of averages, extreme min and max, ignoring gaps', () => {
    const bars = [
      { time: 0, avg: 1, min: 0.5, max: 2 },
      { time: 1, avg: 3, min: 1, max: 6 },
      { time: 2, avg: null, min: null, max: null },
      { time: 3, avg: 4, min: 3, max: 5 },
      { time: 4, avg: null, min: null, max: null },
    ];
    expect(downsampleBars(bars, 2)).toEqual([
      { time: 0, avg: 2, min: 0.5, max: 6 },
      { time: 3, avg: 4, min: 3, max: 5 },
    ]);
    expect(downsampleBars(bars.slice(4), 0.5)).toEqual([{ time: 4, avg: null, min: null, max: null }]);
  });
});
