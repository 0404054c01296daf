// Correctness oracle on the real stack: a deterministic stream is produced to a namespace's topic, the jobs
// of flink-sql/ run on it, and every row they write for the windows the watermark has closed must equal
// the TypeScript computation of the same definitions over the same events. Two streams: one crafted to
// hold every alert type, a window without trades and a missing window; and the producer's market simulator
// (apps/producer), seeded, with late events.
import { JobManagerClient } from '@spreadwatch/flink-client';
import type { MarketEvent } from '@spreadwatch/market-events';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Imported by path: @spreadwatch/producer has no package entry for its simulator yet.
import { simulateMarket } from '../../../apps/producer/src/simulation/market-simulator.ts';
import { FlinkJobs, loadConfig, type SubmittedJob } from '../src/index.ts';
import { spreadAlerts, spreadBars, spreadMetrics, WINDOW_MS } from '../src/oracle/spread-oracle.ts';
import { compareRows } from '../src/testing/compare.ts';
import { removeNamespace } from '../src/testing/cleanup.ts';
import { readSinkTables } from '../src/testing/database.ts';
import { waitForCheckpointAfter, waitForWatermark } from '../src/testing/pipeline-state.ts';
import { produceEvents, trailingEvents } from '../src/testing/produce.ts';
import { testStream } from '../src/testing/test-stream.ts';
import { ensureTopics } from '../src/topics.ts';

const startTime = Date.UTC(2026, 0, 5, 14, 0, 0);
const minutes = 12;
// Events arrive up to 1.5 s out of order; the watermark allows 2 s, so none is late.
const maxDelayMs = 1_500;
const watermarkDelayMs = 2_000;

const scenarios = [
  {
    name: 'crafted',
    events: () => testStream({ seed: 20260105, startTime, minutes, maxDelayMs }),
    windows: 5 * minutes - 1,
  },
  {
    name: 'simulator',
    events: () => [
      ...simulateMarket({
        seed: 7,
        startTime,
        symbols: 6,
        durationMs: minutes * 60_000,
        lateFraction: 0.1,
        maxDelayMs,
      }),
    ],
    windows: 6 * minutes,
  },
];

describe.each(scenarios)('Flink jobs against the TypeScript oracle: $name stream', (scenario) => {
  const namespace = `oracle_${scenario.name}_${Date.now().toString(36)}`;
  const config = { ...loadConfig(), namespace, watermarkDelayMs };
  const events = scenario.events();
  // One event per partition a minute after the stream: the watermark then passes the end of every window
  // holding stream events.
  const finalWatermark = startTime + (minutes + 1) * WINDOW_MS;
  const trailing = trailingEvents(finalWatermark + watermarkDelayMs);
  const closed = (windowEnd: number): boolean => windowEnd - 1 <= finalWatermark;
  const allEvents: MarketEvent[] = [...events, ...trailing.map((item) => item.event)];
  const expectedMetrics = spreadMetrics(allEvents).filter((row) => closed(row.window_end));

  const flinkJobs = new FlinkJobs(config);
  const jobManager = new JobManagerClient(config.flinkRestUrl);
  let submitted: SubmittedJob[] = [];
  let tables: Awaited<ReturnType<typeof readSinkTables>>;

  beforeAll(async () => {
    // The stream is in Kafka before the jobs start: every partition then has data from the first poll, so
    // none is idle (and left out of the watermark) while others run ahead.
    await ensureTopics(config.kafkaBrokers, flinkJobs.namespace);
    const target = {
      brokers: config.kafkaBrokers,
      registryUrl: config.registryUrl,
      topic: flinkJobs.namespace.sourceTopic,
    };
    await produceEvents(target, [...events, ...trailing]);
    submitted = await flinkJobs.submit();
    for (const job of submitted) {
      await waitForWatermark(jobManager, job.jobId, finalWatermark);
      await waitForCheckpointAfter(jobManager, job.jobId, Date.now());
    }
    tables = await readSinkTables(config.databaseUrl, namespace);
  });

  afterAll(async () => {
    await removeNamespace(flinkJobs);
  });

  it('writes spread_metrics exactly as the oracle computes them', () => {
    expect(expectedMetrics.length).toBe(scenario.windows);
    expect(
      compareRows(tables.metrics as never, expectedMetrics as never, ['symbol', 'window_start']),
    ).toEqual([]);
  });

  it('writes one spread_alerts row per alert of each type, as the oracle raises them', () => {
    const expected = spreadAlerts(expectedMetrics);
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
      groupId: `${flinkJobs.namespace.jobPrefix}-alerts-reader`,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: flinkJobs.namespace.alertsTopic, fromBeginning: true });
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
