// The production loop: pulls events from the simulator in batches, paces them to the wall clock if asked,
// hands them to the sink, stops on count, duration, abort or a sink failure, and reports.
import { setTimeout as sleep } from 'node:timers/promises';
import type { MarketEvent } from '@spreadwatch/market-events';
import type { Logger } from './log.ts';
import type { EventSink, SinkReport } from './sink/event-sink.ts';

export interface RunOptions {
  /** Events per wall-clock second; 0 = as fast as possible. */
  readonly rate: number;
  /** Events per sink write when unpaced. */
  readonly batchSize: number;
  readonly signal: AbortSignal;
  readonly logger: Logger;
  readonly progressEveryMs?: number;
}

export interface RunReport extends SinkReport {
  readonly elapsedMs: number;
  readonly interrupted: boolean;
}

export async function runProducer(events: Iterable<MarketEvent>, sink: EventSink, options: RunOptions): Promise<RunReport> {
  const { rate, signal, logger } = options;
  // Paced runs write about every 20 ms, so the stream is smooth rather than bursty.
  const batchSize = rate > 0 ? Math.max(1, Math.min(options.batchSize, Math.round(rate / 50))) : options.batchSize;
  const started = performance.now();
  let emitted = 0;
  let nextProgress = started + (options.progressEveryMs ?? 10_000);
  const iterator = events[Symbol.iterator]();
  try {
    for (;;) {
      if (signal.aborted) break;
      const batch: MarketEvent[] = [];
      for (let r = iterator.next(); ; r = iterator.next()) {
        if (r.done === true) break;
        batch.push(r.value);
        if (batch.length === batchSize) break;
      }
      if (batch.length === 0) break;
      await sink.write(batch);
      emitted += batch.length;
      const now = performance.now();
      if (now >= nextProgress) {
        logger.info(`${emitted} events so far, ${Math.round((emitted * 1000) / (now - started))} events/s`);
        nextProgress = now + (options.progressEveryMs ?? 10_000);
      }
      if (rate > 0) {
        const due = started + (emitted * 1000) / rate;
        if (due > now) await sleep(due - now, undefined, { signal }).catch(() => undefined);
      }
    }
  } catch (error) {
    // A failed sink has recorded what failed; the report below says it.
    logger.error(`stopping: ${error instanceof Error ? error.message : String(error)}`);
  }
  const report = await sink.close();
  return { ...report, elapsedMs: performance.now() - started, interrupted: signal.aborted };
}
