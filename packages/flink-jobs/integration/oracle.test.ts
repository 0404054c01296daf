// Correctness oracle on the real stack: a deterministic stream is produced to a namespace's topic, the jobs
// of flink-sql/ run on it, and every row they write for the windows the watermark has closed must equal
// the TypeScript computation of the same definitions over the same events.
import { JobManagerClient } from '@spreadwatch/flink-client';
import type { MarketEvent } from '@spreadwatch/market-events';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlinkJobs, loadConfig, resolveNamespace, type SubmittedJob } from '../src/index.ts';
import { spreadAlerts, spreadBars, spreadMetrics, WINDOW_MS } from '../src/oracle/spread-oracle.ts';
import { compareRows } from '../src/testing/compare.ts';
import { dropSchema, readSinkTables } from '../src/testing/database.ts';
import { waitForCheckpointAfter, waitForWatermark } from '../src/testing/pipeline-state.ts';
import { produceEvents, trailingEvents } from '../src/testing/produce.ts';
import { testStream } from '../src/testing/test-stream.ts';
import { ensureTopics } from '../src/topics.ts';

const namespace = `oracle_${Date.now().toString(36)}`;
const config = { ...loadConfig(), namespace, watermarkDelayMs: 2_000 };
const startTime = Date.UTC(2026, 0, 5, 14, 0, 0);
const minutes = 12;
const events = testStream({ seed: 20260105, startTime, minutes, maxDelayMs: 1_500 });
// One event per partition a minute after the stream: the watermark then passes the end of every window
// holding stream events.
const finalWatermark = startTime + (minutes + 1) * WINDOW_MS;
const trailing = trailingEvents(finalWatermark + config.watermarkDelayMs);
const closed = (windowEnd: number): boolean => windowEnd - 1 <= finalWatermark;
const allEvents: MarketEvent[] = [...events, ...trailing.map((item) => item.event)];

const flinkJobs = new FlinkJobs(config);
const jobManager = new JobManagerClient(config.flinkRestUrl);
let submitted: SubmittedJob[] = [];
let tables: Awaited<ReturnType<typeof readSinkTables>>;

describe(`Flink jobs against the TypeScript oracle (namespace ${namespace})`, () => {
  beforeAll(async () => {
    // The stream is in Kafka before the jobs start: every partition then has data from the first poll, so
    // none is idle (and left out of the watermark) while others run ahead.
    await ensureTopics(config.kafkaBrokers, flinkJobs.namespace);
    await produceEvents(
      {
        brokers: config.kafkaBrokers,
        registryUrl: config.registryUrl,
        topic: flinkJobs.namespace.sourceTopic,
      },
      [...events, ...trailing],
    );
    submitted = await flinkJobs.submit();
    for (const job of submitted) {
      await waitForWatermark(jobManager, job.jobId, finalWatermark);
      await waitForCheckpointAfter(jobManager, job.jobId, Date.now());
    }
    tables = await readSinkTables(config.databaseUrl, namespace);
  });

  afterAll(async () => {
    await Promise.all(submitted.map((job) => flinkJobs.cancel(job.name)));
    await dropSchema(config.databaseUrl, namespace);
    const admin = new Kafka({
      clientId: 'spreadwatch-oracle-test',
      brokers: config.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    const { sourceTopic, alertsTopic } = resolveNamespace(namespace);
    await admin.deleteTopics({ topics: [sourceTopic, alertsTopic] }).finally(() => admin.disconnect());
  });

  it('writes spread_metrics exactly as the oracle computes them', () => {
    const expected = spreadMetrics(allEvents).filter((row) => closed(row.window_end));
    expect(expected.length).toBe(5 * minutes - 1);
    expect(compareRows(tables.metrics as never, expected as never, ['symbol', 'window_start'])).toEqual([]);
  });

  it('writes one spread_alerts row per alert of each type, as the oracle raises them', () => {
    const expected = spreadAlerts(spreadMetrics(allEvents).filter((row) => closed(row.window_end)));
    const types = new Set(expected.map((alert) => alert.alert_type));
    expect([...types].sort()).toEqual(['liquidity_crisis', 'optimal_window', 'spread_anomaly']);
    expect(
      compareRows(tables.alerts as never, expected as never, ['symbol', 'window_start', 'alert_type']),
    ).toEqual([]);
  });

  it('publishes the same alerts on the namespace alerts topic', async () => {
    const expected = tables.alerts
      .map((alert) => `${alert.symbol} ${alert.window_start} ${alert.alert_type}`)
      .sort();
    const consumer = new Kafka({
      clientId: 'spreadwatch-oracle-test',
      brokers: config.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).consumer({
      groupId: `${namespace}-alerts-reader`,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: resolveNamespace(namespace).alertsTopic, fromBeginning: true });
    const received: string[] = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          const alert = JSON.parse(message.value?.toString() ?? '{}') as {
            symbol: string;
            window_start: string;
            alert_type: string;
          };
          expect(message.key?.toString()).toBe(alert.symbol);
          received.push(`${alert.symbol} ${Date.parse(`${alert.window_start}Z`)} ${alert.alert_type}`);
          if (received.length >= expected.length) resolve();
        },
      });
    });
    await consumer.disconnect();
    expect(received.sort()).toEqual(expected);
  });

  it('writes the 1-second spread bars as the oracle computes them', () => {
    const expected = spreadBars(allEvents).filter((bar) => closed(bar.bar_end));
    expect(compareRows(tables.bars as never, expected as never, ['symbol', 'bar_start'])).toEqual([]);
  });
});
