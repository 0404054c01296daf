import { describe, expect, it } from 'vitest';
import { withLateEvents } from './late-events.ts';
import { Prng } from './prng.ts';
import { SIGMAS } from './testing/statistics.ts';

interface Tick {
  readonly event_time: number;
  readonly id: number;
}

function ticks(n: number): Tick[] {
  // Several events per millisecond and gaps, like a busy market.
  return Array.from({ length: n }, (_, id) => ({ event_time: Math.floor(id / 3) * 2, id }));
}

describe('withLateEvents', () => {
  const input = ticks(300_000);
  const fraction = 0.05;
  const maxDelayMs = 250;
  const output = [...withLateEvents(input, { fraction, maxDelayMs }, new Prng(41))];

  it('emits every event exactly once, unchanged', () => {
    expect(output.length).toBe(input.length);
    expect(new Set(output).size).toBe(input.length);
    expect(output.every((tick) => tick === input[tick.id])).toBe(true);
  });

  it('holds back about the requested fraction', () => {
    // An event was held iff an event generated after it is emitted before it; count those whose id is
    // below the running maximum of ids emitted so far. Binomial: SE √(f(1−f)/n).
    let maxId = -1;
    let late = 0;
    for (const tick of output) {
      if (tick.id < maxId) late++;
      maxId = Math.max(maxId, tick.id);
    }
    const observed = late / input.length;
    // A held event that no later event overtakes before its release (the last of its millisecond held
    // for 1 ms) does not show as late, so observed ≤ fraction, and only slightly below it here.
    expect(observed).toBeLessThanOrEqual(fraction + SIGMAS * Math.sqrt((fraction * (1 - fraction)) / input.length));
    expect(observed).toBeGreaterThan(fraction * 0.9);
  });

  it('delays no event by more than maxDelayMs of event time', () => {
    let maxSeen = -Infinity;
    let worst = 0;
    for (const tick of output) {
      worst = Math.max(worst, maxSeen - tick.event_time);
      maxSeen = Math.max(maxSeen, tick.event_time);
    }
    expect(worst).toBeGreaterThan(maxDelayMs / 2);
    expect(worst).toBeLessThanOrEqual(maxDelayMs);
  });

  it('passes the stream through untouched when the fraction is 0', () => {
    expect([...withLateEvents(input.slice(0, 1000), { fraction: 0, maxDelayMs }, new Prng(41))]).toEqual(input.slice(0, 1000));
  });
});
