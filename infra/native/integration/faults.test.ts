// The fault suite: a seeded stream with out-of-order events flows through a namespace in chunks while, in
// turn, the TaskManager, the JobManager, the Kafka broker and PostgreSQL are killed with SIGKILL and come
// back by supervision alone (the job keeper resubmits what a restarted JobManager forgot), and the whole
// stack goes through down + up. After each fault every row written must equal the oracle's (none
// rewritten by a partial window), and at the end every closed window, alert and bar must be there: none
// missing, none extra.
import { JobManagerClient } from '@spreadwatch/flink-client';
import { FlinkJobs, loadConfig } from '@spreadwatch/flink-jobs';
import {
  compareRows,
  produceEvents,
  readSinkTables,
  removeNamespace,
  spreadAlerts,
  spreadBars,
  spreadMetrics,
  testStream,
  trailingEvents,
  waitForCheckpointAfter,
  waitForWatermark,
  WINDOW_MS,
} from '@spreadwatch/flink-jobs/testing';
import type { MarketEvent } from '@spreadwatch/market-events';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitHealthy } from '../src/health/wait-healthy.ts';
import { supervisedProcess } from '../src/process/supervisor.ts';
import { stackServices, type Service } from '../src/services/index.ts';
import { postgresService } from '../src/services/postgres.ts';

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, '../src/cli.ts');
const tsx = path.resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');

// By name from every server: the workers' DATABASE_URL makes stackServices() leave PostgreSQL out.
const service = (name: string): Service => {
  const found = [postgresService, ...stackServices()].find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no service ${name}`);
  return found;
};

const startTime = Date.UTC(2026, 0, 8, 10, 0, 0);
const minutes = 12;
// Between chunks every partition goes idle; when the next chunk arrives the partition read first would move
// the watermark ahead of the others' first events. Small batches and a 10 s delay keep those on time.
const watermarkDelayMs = 10_000;
const batchSize = 20;
const namespace = `faults_${Date.now().toString(36)}`;
const config = { ...loadConfig(), namespace, watermarkDelayMs };
const faults = ['flink-taskmanager', 'flink-jobmanager', 'kafka', 'postgres', 'down + up'] as const;

const events = testStream({ seed: 20260108, startTime, minutes, maxDelayMs: 1_500, lateFraction: 0.1 });
const finalWatermark = startTime + (minutes + 1) * WINDOW_MS;
const trailing = trailingEvents(finalWatermark + watermarkDelayMs);
const all: MarketEvent[] = [...events, ...trailing.map((item) => item.event)];
const closed = (windowEnd: number, watermark: number): boolean => windowEnd - 1 <= watermark;

/** The stream in one chunk per fault and one after the last: chunk k ends at minute 2k + 2. */
const chunkEnd = (k: number): number =>
  k === faults.length ? Infinity : startTime + (2 * k + 2) * WINDOW_MS;
const chunks = faults.map((_, k) =>
  events.filter((e) => e.event_time < chunkEnd(k) && (k === 0 || e.event_time >= chunkEnd(k - 1))),
);
chunks.push(events.filter((e) => e.event_time >= chunkEnd(faults.length - 1)));

describe('faults on the real stack', () => {
  const flinkJobs = new FlinkJobs(config);
  const jobManager = new JobManagerClient(config.flinkRestUrl);
  const target = {
    brokers: config.kafkaBrokers,
    registryUrl: config.registryUrl,
    topic: flinkJobs.namespace.sourceTopic,
    batchSize,
  };
  const names = flinkJobs.definitions().map((definition) => definition.name);
  const healTimes: Record<string, number> = {};

  /** The running job of each name, waiting until it runs (the keeper may be resubmitting it). */
  const runningJobs = async (timeoutMs = 240_000): Promise<string[]> => {
    const deadline = Date.now() + timeoutMs;
    const ids: string[] = [];
    for (const name of names) {
      for (;;) {
        const [active] = await jobManager.activeJobsNamed(name).catch(() => []);
        const detail = active && (await jobManager.job(active.jid).catch(() => undefined));
        if (active && detail?.state === 'RUNNING' && detail.vertices.every((v) => v.status === 'RUNNING')) {
          ids.push(active.jid);
          break;
        }
        if (Date.now() > deadline) throw new Error(`${name} not running ${timeoutMs} ms after the fault`);
        await sleep(500);
      }
    }
    return ids;
  };

  /** Every row the jobs have written so far is a window of the stream and equals the oracle's row for it. */
  const expectRowsMatchOracle = async (): Promise<void> => {
    const tables = await readSinkTables(config.databaseUrl, namespace);
    const written = new Set(tables.metrics.map((row) => `${row.symbol} ${row.window_start}`));
    const expected = spreadMetrics(all).filter((row) => written.has(`${row.symbol} ${row.window_start}`));
    expect(tables.metrics.length).toBe(expected.length);
    expect(compareRows(tables.metrics as never, expected as never, ['symbol', 'window_start'])).toEqual([]);
  };

  const t00 = Date.now();
  const step = (text: string): void => console.log(`+${((Date.now() - t00) / 1000).toFixed(1)}s ${text}`);

  const inject = async (fault: (typeof faults)[number]): Promise<void> => {
    const t0 = Date.now();
    step(`injecting: ${fault}`);
    if (fault === 'down + up') {
      // As a person would run them. The test workers' DATABASE_URL (the apps' setting) would make the stack
      // take PostgreSQL for an external server.
      const system = (await supervisedProcess('api')) !== undefined;
      const env = { ...process.env, DATABASE_URL: undefined, SPREADWATCH_DATABASE_URL: undefined };
      await run(tsx, [cli, 'down'], { env });
      await run(tsx, [cli, 'up', ...(system ? [] : ['--stack-only'])], { env, maxBuffer: 16 * 1024 * 1024 });
    } else {
      const before = await supervisedProcess(fault);
      if (!before?.pid) throw new Error(`${fault} is not running under the supervisor`);
      process.kill(before.pid, 'SIGKILL');
      // Back once the supervisor has started it again and it answers its own health probe.
      for (;;) {
        const now = await supervisedProcess(fault);
        if (now?.status === 'online' && now.restarts > before.restarts) {
          await waitHealthy(service(fault), now.restarts);
          break;
        }
        if (Date.now() - t0 > 180_000) throw new Error(`${fault} was not restarted within 180 s`);
        await sleep(500);
      }
    }
    step(`${fault} is back`);
    await runningJobs();
    healTimes[fault] = (Date.now() - t0) / 1000;
    step(`both jobs running again ${healTimes[fault]} s after the fault`);
  };

  beforeAll(async () => {
    await produceEvents(target, chunks[0]!);
    await flinkJobs.submit();
  });

  afterAll(async () => {
    console.log(
      `fault suite, seconds from the fault to both jobs running again: ${JSON.stringify(healTimes)}`,
    );
    await removeNamespace(flinkJobs);
  });

  it.each(faults.map((fault, k) => [fault, k] as const))(
    'heals %s by itself, and every row written equals the oracle',
    async (fault, k) => {
      // The jobs have processed the chunk (its windows closed) and checkpointed it before the fault.
      const reached = chunkEnd(k) - WINDOW_MS;
      for (const jobId of await runningJobs()) {
        await waitForWatermark(jobManager, jobId, reached, 240_000);
        await waitForCheckpointAfter(jobManager, jobId, Date.now());
      }
      await inject(fault);
      await produceEvents(target, chunks[k + 1]!);
      step(`chunk ${k + 1} produced`);
      for (const jobId of await runningJobs())
        await waitForWatermark(jobManager, jobId, chunkEnd(k), 240_000);
      step(`watermark past ${new Date(chunkEnd(k)).toISOString()}`);
      await expectRowsMatchOracle();
    },
    420_000,
  );

  it(
    'writes every closed window, alert and bar of the whole stream, none missing or extra',
    { timeout: 420_000 },
    async () => {
      await produceEvents(target, trailing);
      for (const jobId of await runningJobs()) {
        await waitForWatermark(jobManager, jobId, finalWatermark, 240_000);
        await waitForCheckpointAfter(jobManager, jobId, Date.now());
      }
      const tables = await readSinkTables(config.databaseUrl, namespace);
      const metrics = spreadMetrics(all).filter((row) => closed(row.window_end, finalWatermark));
      expect(compareRows(tables.metrics as never, metrics as never, ['symbol', 'window_start'])).toEqual([]);
      expect(
        compareRows(tables.alerts as never, spreadAlerts(metrics) as never, [
          'symbol',
          'window_start',
          'alert_type',
        ]),
      ).toEqual([]);
      const bars = spreadBars(all).filter((bar) => closed(bar.bar_end, finalWatermark));
      expect(compareRows(tables.bars as never, bars as never, ['symbol', 'bar_start'])).toEqual([]);
    },
  );
});
