// The production loop: pulls events from the simulator in batches, paces them to the wall clock if asked,
// hands them to the sink, stops on count, duration, abort or a sink failure, and reports.
import { setTimeout as sleep } from 'node:timers/promises';
import type { MarketEvent } from '@spreadwatch/market-events';
import type { Logger } from './log.ts';
import { Pacer, type PacingOptions } from './pacing.ts';
import type { EventSink, SinkReport } from './sink/event-sink.ts';

export interface RunOptions {
  /** Pacing to the wall clock; absent = as fast as possible. */
  readonly pacing?: PacingOptions;
  /** Most events per sink write. */
  readonly batchSize: number;
  readonly signal: AbortSignal;
  readonly logger: Logger;
  readonly progressEveryMs?: number;
}

export interface RunReport extends SinkReport {
  readonly elapsedMs: number;
  readonly interrupted: boolean;
  /** How far the paced schedule slipped because the producer fell behind it, wall-clock milliseconds. */
  readonly slippedMs: number;
}

/** Paced runs write at most this often, so a sink is not handed one event at a time at high rates. */
const PACED_TICK_MS = 20;

export async function runProducer(
  events: Iterable<MarketEvent>,
  sink: EventSink,
  options: RunOptions,
): Promise<RunReport> {
  const { batchSize, signal, logger } = options;
  const progressEveryMs = options.progressEveryMs ?? 10_000;
  const started = performance.now();
  const pacer = options.pacing === undefined ? undefined : new Pacer(options.pacing, Date.now());
  let emitted = 0;
  let nextProgress = started + progressEveryMs;
  let reportedSlipMs = 0;
  let nextTick = -Infinity;
  const iterator = events[Symbol.iterator]();
  let next = iterator.next();
  try {
    while (!signal.aborted && next.done !== true) {
      if (pacer !== undefined) {
        // Never before an event is due; Date.now() because event time is wall-clock time.
        const wait = Math.max(pacer.due(next.value.event_time), nextTick) - Date.now();
        if (wait > 0) {
          await sleep(wait, undefined, { signal }).catch(() => undefined);
          continue;
        }
      }
      const now = Date.now();
      const batch: MarketEvent[] = [];
      while (next.done !== true && batch.length < batchSize) {
        if (pacer === undefined) {
          batch.push(next.value);
        } else if (pacer.due(next.value.event_time) <= now) {
          batch.push(pacer.take(next.value, now));
        } else {
          break;
        }
        next = iterator.next();
      }
      // A full batch means more may be due already.
      nextTick = batch.length === batchSize ? -Infinity : now + PACED_TICK_MS;
      await sink.write(batch);
      emitted += batch.length;
      const progressAt = performance.now();
      if (progressAt >= nextProgress) {
        logger.info(
          `${emitted} events so far, ${Math.round((emitted * 1000) / (progressAt - started))} events/s`,
        );
        nextProgress = progressAt + progressEveryMs;
        if (pacer !== undefined && pacer.slippedMs > reportedSlipMs) {
          logger.warn(
            `falling behind: the schedule slipped ${((pacer.slippedMs - reportedSlipMs) / 1000).toFixed(1)} s in the last ` +
              `${(progressEveryMs / 1000).toFixed(0)} s (${(pacer.slippedMs / 1000).toFixed(1)} s in all); events go out at the rate this producer and the broker sustain`,
          );
          reportedSlipMs = pacer.slippedMs;
        }
      }
    }
  } catch (error) {
    // A failed sink has recorded what failed; the report below says it.
    logger.error(`stopping: ${error instanceof Error ? error.message : String(error)}`);
  }
  const report = await sink.close();
  return {
    ...report,
    elapsedMs: performance.now() - started,
    interrupted: signal.aborted,
    slippedMs: pacer?.slippedMs ?? 0,
  };
}
