// /readyz on the real stack, in a namespace of this file: its jobs missing, then running with windows
// landing, then one cancelled, then events arriving while no job writes. The shared TaskManager is never
// touched: the no-TaskManager branch is covered by src/readiness/decide.test.ts.
import { ACTIVE_JOB_STATES } from '@spreadwatch/flink-client';
import { FlinkJobs, type SubmittedJob } from '@spreadwatch/flink-jobs';
import type { FastifyInstance } from 'fastify';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { produceAnomaly } from './anomaly-stream.ts';
import { build, createNamespace, sql, testConfig, uniqueNamespace } from './helper.ts';

const config = testConfig(uniqueNamespace('ready'));
const namespace = config.schema;
// The same namespace with a 5 s bound: windows are overdue 5 s after the last one landed.
const strict = loadConfig({
  ...process.env,
  SPREADWATCH_NAMESPACE: namespace,
  SPREADWATCH_READY_MAX_WINDOW_AGE_S: '5',
});
const jobs = new FlinkJobs(config.flinkJobs);
const metricsJob = `spreadwatch-${namespace}-spread-metrics`;
const barsJob = `spreadwatch-${namespace}-spread-bars-1s`;
const topic = `market_events.${namespace}`;
let dropNamespace: () => Promise<void>;
let submitted: SubmittedJob[] = [];

interface Ready {
  code: number;
  body: {
    status: string;
    causes: string[];
    checks: Record<
      'postgres' | 'flink' | 'taskManagers' | 'jobs' | 'kafka' | 'freshness',
      { ok: boolean; detail: string }
    >;
  };
}

async function readyz(app: FastifyInstance): Promise<Ready> {
  const response = await app.inject('/readyz');
  return { code: response.statusCode, body: response.json() };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls /readyz until `accept` holds; the last answer is in the error otherwise. */
async function readyzUntil(
  app: FastifyInstance,
  accept: (ready: Ready) => boolean,
  timeoutMs = 90_000,
): Promise<Ready> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await readyz(app);
    if (accept(ready)) return ready;
    if (Date.now() > deadline) throw new Error(`/readyz never as expected; last: ${JSON.stringify(ready)}`);
    await sleep(500);
  }
}

const produce = (symbols: string[], start: number): Promise<void> =>
  produceAnomaly({
    brokers: config.kafkaBrokers,
    registryUrl: config.flinkJobs.registryUrl,
    topic,
    symbols,
    start,
    watermarkDelayMs: config.flinkJobs.watermarkDelayMs,
  });

async function cancel(jobId: string): Promise<void> {
  await jobs.jobManager.cancel(jobId);
  await jobs.jobManager.waitForState(jobId, ['CANCELED']);
}

beforeAll(async () => {
  dropNamespace = await createNamespace(config);
});

afterAll(async () => {
  for (const job of await jobs.jobManager.jobs()) {
    if (job.name.startsWith(`spreadwatch-${namespace}-`) && ACTIVE_JOB_STATES.includes(job.state))
      await cancel(job.jid);
  }
  await dropNamespace();
  const admin = new Kafka({
    clientId: 'spreadwatch-api-test',
    brokers: config.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const groups = (await admin.listGroups()).groups
      .map((group) => group.groupId)
      .filter((id) => id.startsWith(`spreadwatch-${namespace}-`));
    if (groups.length > 0) await admin.deleteGroups(groups);
  } finally {
    await admin.disconnect();
  }
});

describe(`readiness (namespace ${namespace})`, () => {
  it('is unavailable before the jobs are submitted, naming each missing job', async () => {
    const app = await build(config);
    const { code, body } = await readyz(app);
    expect(code).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(body.causes).toEqual(
      expect.arrayContaining([
        `${metricsJob} is missing (never submitted)`,
        `${barsJob} is missing (never submitted)`,
      ]),
    );
    for (const cause of body.causes)
      expect(cause).toMatch(/^spreadwatch-\S+ is missing \(never submitted\)$/);
    expect(body.checks.jobs.ok).toBe(false);
    for (const check of ['postgres', 'flink', 'taskManagers', 'kafka', 'freshness'] as const) {
      expect([check, body.checks[check].ok]).toEqual([check, true]);
    }
    expect(body.checks.freshness.detail).toBe(`no events: topic ${topic} does not exist yet`);
  });

  it('is ready once the jobs run and their windows land', async () => {
    submitted = await jobs.submit();
    expect(submitted.map((job) => job.name)).toEqual(expect.arrayContaining([metricsJob, barsJob]));
    for (const job of submitted) await jobs.jobManager.waitUntilRunning(job.jobId);
    // Two minutes back: the anomaly window and its closing quotes lie in the past, so both jobs write.
    await produce(['RDY1', 'RDY2'], Math.floor(Date.now() / 60_000) * 60_000 - 120_000);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const { rows } = await sql(
        config,
        'SELECT (SELECT count(*) FROM spread_metrics)::int AS metrics, (SELECT count(*) FROM spread_bars_1s)::int AS bars',
      );
      if (rows[0].metrics > 0 && rows[0].bars > 0) break;
      if (Date.now() > deadline) throw new Error(`no rows landed: ${JSON.stringify(rows[0])}`);
      await sleep(500);
    }
    const app = await build(config);
    const { body } = await readyzUntil(app, (ready) => ready.code === 200);
    expect(body).toMatchObject({ status: 'ready', causes: [] });
    for (const [name, check] of Object.entries(body.checks)) expect([name, check.ok]).toEqual([name, true]);
    expect(body.checks.jobs.detail).toContain(`${metricsJob} RUNNING`);
    expect(body.checks.jobs.detail).toContain(`${barsJob} RUNNING`);
    expect(body.checks.freshness.detail).toMatch(
      /^spread_metrics newest row \d+ s old, spread_bars_1s newest row \d+ s old/,
    );
  });

  it('is unavailable when a job is cancelled, naming it', async () => {
    const bars = submitted.find((job) => job.name === barsJob)!;
    await cancel(bars.jobId);
    const app = await build(config);
    const { body } = await readyzUntil(app, (ready) => ready.code === 503);
    expect(body.status).toBe('unavailable');
    expect(body.causes).toEqual([
      expect.stringMatching(
        new RegExp(`^${barsJob} is missing \\(its last run ended CANCELED \\d+ s ago\\)$`),
      ),
    ]);
    expect(body.checks.jobs.detail).toContain(barsJob);
    expect(body.checks.jobs.detail).not.toContain(metricsJob);
  });

  it('is unavailable when events arrive but no window landed for longer than the bound', async () => {
    await cancel(submitted.find((job) => job.name === metricsJob)!.jobId);
    const app = await build(strict);
    // Stale rows alone are no cause: nothing arrived since the last windows landed.
    const quiet = await readyzUntil(app, (ready) => ready.body.checks.freshness.ok);
    expect(quiet.body.checks.freshness.detail).toMatch(/no events overdue for a window \(bound 5 s\)$/);

    let producing = true;
    const producer = (async () => {
      while (producing) {
        await produce(['RDY3'], Math.floor(Date.now() / 60_000) * 60_000);
        await sleep(500);
      }
    })();
    try {
      const stale = await readyzUntil(app, (ready) =>
        ready.body.causes.some((cause) => cause.includes('spread_bars_1s for')),
      );
      expect(stale.code).toBe(503);
      expect(stale.body.checks.freshness.ok).toBe(false);
      const overdue = (table: string) =>
        new RegExp(
          `^no window landed in ${table} for \\d+ s while events arrive \\(\\d+ events in market_events\\.${namespace} in the last \\d+ s; bound 5 s\\)$`,
        );
      expect(stale.body.causes).toEqual(
        expect.arrayContaining([
          expect.stringMatching(overdue('spread_metrics')),
          expect.stringMatching(overdue('spread_bars_1s')),
        ]),
      );
    } finally {
      producing = false;
      await producer;
    }
  });
});
