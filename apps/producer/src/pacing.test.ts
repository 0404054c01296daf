import type { MarketEvent } from '@spreadwatch/market-events';
import { describe, expect, it } from 'vitest';
import { Pacer } from './pacing.ts';

const START = Date.UTC(2026, 0, 5, 14, 30);

function at(eventTime: number): MarketEvent {
  return {
    symbol: 'AAA',
    event_time: eventTime,
    event_type: 'QUOTE',
    bid: 99,
    ask: 101,
    bid_size: 100,
    ask_size: 100,
    trade_price: null,
    trade_size: null,
    side: null,
    stress: 0,
    sequence: 0,
  };
}

describe('Pacer', () => {
  it('live, makes each event due at its event time and leaves on-time events as they are', () => {
    const pacer = new Pacer({ speed: 1, startTime: START, live: true, maxLagMs: 500 }, START + 3);
    expect(pacer.due(START + 1_234)).toBe(START + 1_234);
    const event = at(START + 1_234);
    expect(pacer.take(event, START + 1_734)).toEqual(event);
    expect(pacer.slippedMs).toBe(0);
  });

  it('live, slips by the lag of an event taken more than maxLagMs late, and stamps it and later ones at the wall clock', () => {
    const pacer = new Pacer({ speed: 1, startTime: START, live: true, maxLagMs: 500 }, START);
    expect(pacer.take(at(START + 1_000), START + 3_500).event_time).toBe(START + 3_500);
    expect(pacer.slippedMs).toBe(2_500);
    expect(pacer.due(START + 2_000)).toBe(START + 4_500);
    expect(pacer.take(at(START + 2_000), START + 4_600).event_time).toBe(START + 4_500);
    expect(pacer.slippedMs).toBe(2_500);
  });

  it('does not slip for a deliberately late event, and shifts its stamp with the schedule', () => {
    const pacer = new Pacer({ speed: 1, startTime: START, live: true, maxLagMs: 500 }, START);
    pacer.take(at(START + 5_000), START + 6_000);
    expect(pacer.slippedMs).toBe(1_000);
    // Held back 2 s, so 2 s older than the newest event: the same 2 s behind the wall clock, no new slip.
    expect(pacer.take(at(START + 3_000), START + 6_010).event_time).toBe(START + 4_000);
    expect(pacer.slippedMs).toBe(1_000);
  });

  it('replaying, maps the start time to the run start at the given speed and keeps the event times', () => {
    const runStart = START + 86_400_000;
    const pacer = new Pacer({ speed: 10, startTime: START, live: false, maxLagMs: 500 }, runStart);
    expect(pacer.due(START + 10_000)).toBe(runStart + 1_000);
    const event = at(START + 10_000);
    expect(pacer.take(event, runStart + 2_000)).toBe(event);
    expect(pacer.slippedMs).toBe(1_000);
    expect(pacer.due(START + 20_000)).toBe(runStart + 3_000);
  });

  it('refuses live pacing at another speed than 1', () => {
    expect(() => new Pacer({ speed: 2, startTime: START, live: true, maxLagMs: 500 }, START)).toThrow(
      'live pacing runs at speed 1',
    );
  });
});
