import { describe, expect, it } from 'vitest';
import { minuteTicks } from './time-ticks.ts';

const t = (minute: number, second = 0) => Date.UTC(2026, 0, 5, 14, minute, second);

describe('minute ticks', () => {
  it('puts ticks on whole minutes within the range', () => {
    expect(minuteTicks(t(0, 30), t(4, 10))).toEqual([t(1), t(2), t(3), t(4)]);
  });

  it('widens the step to stay within the tick budget', () => {
    expect(minuteTicks(t(0), t(59), 8)).toEqual([0, 10, 20, 30, 40, 50].map((m) => t(m)));
    expect(minuteTicks(t(0), t(15), 8)).toEqual([0, 2, 4, 6, 8, 10, 12, 14].map((m) => t(m)));
  });

  it('has no ticks for an empty range', () => {
    expect(minuteTicks(t(1), t(1))).toEqual([]);
  });
});
