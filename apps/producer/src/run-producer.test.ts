// The production loop on the real clock, with an in-memory sink that records when each event reached it.
import { setTimeout as sleep } from 'node:timers/promises';
import type { MarketEvent } from '@spreadwatch/market-events';
import { describe, expect, it } from 'vitest';
import type { Logger } from './log.ts';
import { runProducer } from './run-producer.ts';
import type { EventSink } from './sink/event-sink.ts';

interface Written {
  readonly event: MarketEvent;
  readonly at: number;
}

function recordingSink(writeMs = 0): EventSink & { readonly written: Written[]; readonly batches: number[] } {
  const written: Written[] = [];
  const batches: number[] = [];
  return {
    written,
    batches,
    async write(events) {
      const at = Date.now();
      for (const event of events) written.push({ event, at });
      batches.push(events.length);
      if (writeMs > 0) await sleep(writeMs);
    },
    async close() {
      return { sent: written.length, acknowledged: written.length, failed: [] };
    },
  };
}

function recordingLogger(): Logger & { readonly warnings: string[] } {
  const warnings: string[] = [];
  const ignore = () => undefined;
  return { warnings, debug: ignore, info: ignore, warn: (message) => warnings.push(message), error: ignore };
}

function quote(eventTime: number, sequence: number): MarketEvent {
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
    sequence,
  };
}

const lags = (written: readonly Written[]) => written.map(({ event, at }) => at - event.event_time);

describe('runProducer', () => {
  it('live, sends each event at its event time, however many events share a stretch of event time', async () => {
    const start = Date.now();
    // 300 events in the first 100 ms, then three spread out: pacing by count at 200 events/s (the nominal
    // rate) would send the late ones about a second before their event time.
    const events = [
      ...Array.from({ length: 300 }, (_, i) => quote(start + Math.floor(i / 3), i)),
      quote(start + 1_200, 300),
      quote(start + 1_500, 301),
      quote(start + 1_800, 302),
    ];
    const sink = recordingSink();
    const report = await runProducer(events, sink, {
      pacing: { speed: 1, startTime: start, live: true, maxLagMs: 500 },
      batchSize: 2_000,
      signal: new AbortController().signal,
      logger: recordingLogger(),
    });
    expect(report).toMatchObject({ sent: 303, slippedMs: 0 });
    expect(sink.written.map((w) => w.event)).toEqual(events);
    expect(Math.min(...lags(sink.written))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...lags(sink.written))).toBeLessThanOrEqual(500);
  });

  it('live and unable to keep up, slips its schedule, stamps events within a second of the wall clock, and warns', async () => {
    const start = Date.now();
    // 50 events per millisecond for 1 s into a sink that takes 20 ms per write of at most 500 events:
    // 25k events/s at best, half the rate asked.
    const events = Array.from({ length: 50_000 }, (_, i) => quote(start + Math.floor(i / 50), i));
    const sink = recordingSink(20);
    const logger = recordingLogger();
    const report = await runProducer(events, sink, {
      pacing: { speed: 1, startTime: start, live: true, maxLagMs: 500 },
      batchSize: 500,
      signal: new AbortController().signal,
      logger,
      progressEveryMs: 250,
    });
    expect(report.sent).toBe(50_000);
    expect(report.slippedMs).toBeGreaterThan(0);
    const written = sink.written;
    expect(Math.min(...lags(written))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...lags(written))).toBeLessThanOrEqual(1_000);
    // Slipping shifts event time forward and never reorders it.
    expect(
      written.every((w, i) => i === 0 || w.event.event_time >= (written[i - 1] as Written).event.event_time),
    ).toBe(true);
    expect(written.at(-1)?.event.event_time).toBe(start + 999 + report.slippedMs);
    expect(logger.warnings.some((w) => w.startsWith('falling behind: the schedule slipped'))).toBe(true);
  });

  it('replaying at 10x, sends event time ten times as fast as the wall clock and keeps it', async () => {
    const origin = Date.UTC(2026, 0, 5, 14, 30);
    const events = Array.from({ length: 11 }, (_, i) => quote(origin + i * 1_000, i));
    const sink = recordingSink();
    const started = Date.now();
    await runProducer(events, sink, {
      pacing: { speed: 10, startTime: origin, live: false, maxLagMs: 500 },
      batchSize: 2_000,
      signal: new AbortController().signal,
      logger: recordingLogger(),
    });
    expect(sink.written.map((w) => w.event)).toEqual(events);
    for (const [i, { at }] of sink.written.entries()) expect(at - started).toBeGreaterThanOrEqual(i * 100);
    expect((sink.written.at(-1) as Written).at - started).toBeLessThan(5_000);
  });

  it('unpaced, writes full batches of the events as they are', async () => {
    const events = Array.from({ length: 5_000 }, (_, i) => quote(1_000 + i, i));
    const sink = recordingSink();
    const report = await runProducer(events, sink, {
      batchSize: 2_000,
      signal: new AbortController().signal,
      logger: recordingLogger(),
    });
    expect(report).toMatchObject({ sent: 5_000, acknowledged: 5_000, slippedMs: 0, interrupted: false });
    expect(sink.batches).toEqual([2_000, 2_000, 1_000]);
    expect(sink.written.map((w) => w.event)).toEqual(events);
  });
});
