// The live stream on the real stack: rows landing in PostgreSQL, resume with Last-Event-ID, an alert on the
// alerts topic, and an alert the Flink job emits for an anomaly in events written to its Kafka topic.
import { FlinkJobs } from '@spreadwatch/flink-jobs';
import type { FastifyInstance } from 'fastify';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { produceAnomaly } from './anomaly-stream.ts';
import {
  build,
  createNamespace,
  insertAlert,
  insertBar,
  insertWindow,
  sql,
  testConfig,
  uniqueNamespace,
} from './helper.ts';
import { SseReader, type SseMessage } from './sse-client.ts';

const config = testConfig(uniqueNamespace('api_live'));
const jobs = new FlinkJobs(config.flinkJobs);
let dropNamespace: () => Promise<void>;

beforeAll(async () => {
  dropNamespace = await createNamespace(config);
  await jobs.prepare();
});
afterAll(async () => {
  for (const job of jobs.definitions()) await jobs.cancel(job.job);
  await dropNamespace();
});

/** The id-only message the stream sends once it has replayed what the client missed. */
const connected = (message: SseMessage): boolean =>
  message.event === 'message' && message.data === '' && message.id !== undefined;

async function connect(app: FastifyInstance, lastEventId?: string): Promise<SseReader> {
  const headers = lastEventId === undefined ? {} : { 'last-event-id': lastEventId };
  const response = await app.inject({ url: '/api/live', headers, payloadAsStream: true });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
  return new SseReader(response.stream());
}

/** The number of the newest change of a symbol's row in the change log: its event id. */
const cursorOf = async (kind: string, symbol: string): Promise<number> =>
  Number(
    (
      await sql(config, `SELECT max(seq) AS c FROM live_changes WHERE kind = $1 AND data->>'symbol' = $2`, [
        kind,
        symbol,
      ])
    ).rows[0].c,
  );

const payload = (message: SseMessage): Record<string, unknown> =>
  JSON.parse(message.data) as Record<string, unknown>;

describe(`live stream (namespace ${config.schema})`, () => {
  it('pushes rows as they land, and replays exactly what a reconnecting client missed', async () => {
    const app = await build(config);
    const first = await connect(app);
    await first.next(connected);
    await insertAlert(config, 'TBL', '2026-01-01T10:00:00Z', 'liquidity_crisis');
    const alert = await first.next((message) => message.event === 'alert');
    expect(payload(alert)).toMatchObject({
      symbol: 'TBL',
      alertType: 'liquidity_crisis',
      windowStart: '2026-01-01T10:00:00.000Z',
    });
    expect(alert.id).toBe(String(await cursorOf('alert', 'TBL')));
    first.close();

    await insertWindow(config, 'MISSED', '2026-01-01T10:00:00Z', 3);
    await insertBar(config, 'MISSED', '2026-01-01T10:00:01Z', 3);
    const written = await cursorOf('bar', 'MISSED');
    while (app.live.cursor < written) await new Promise((resolve) => setTimeout(resolve, 50));

    const second = await connect(app, first.lastEventId);
    const replayed = await second.until(connected);
    second.close();
    expect(replayed.slice(0, -1).map((message) => [message.event, payload(message).symbol])).toEqual([
      ['window', 'MISSED'],
      ['bar', 'MISSED'],
    ]);
    expect(Number(replayed.at(-1)!.id)).toBeGreaterThanOrEqual(written);
  });

  it('pushes an alert from the alerts topic at once, and its row later only moves the cursor', async () => {
    const app = await build(config);
    await app.liveAlertsReady;
    const reader = await connect(app);
    await reader.next(connected);
    const alert = {
      symbol: 'TOPIC',
      window_start: '2026-01-01T10:05:00',
      window_end: '2026-01-01T10:06:00',
      alert_type: 'spread_anomaly',
      avg_spread_bps: 6,
      max_spread_bps: 60,
      std_spread_bps: 7,
      order_imbalance: null,
      baseline_avg_spread_bps: null,
    };
    const producer = new Kafka({
      clientId: 'spreadwatch-api-test',
      brokers: config.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    await producer.send({
      topic: config.alertsTopic,
      messages: [{ key: 'TOPIC', value: JSON.stringify(alert) }],
    });
    await producer.disconnect();
    const pushed = await reader.next((message) => message.event === 'alert');
    expect(pushed.id).toBeUndefined();
    expect(payload(pushed)).toMatchObject({
      symbol: 'TOPIC',
      windowStart: '2026-01-01T10:05:00.000Z',
      alertType: 'spread_anomaly',
      maxSpreadBps: 60,
    });

    await insertAlert(config, 'TOPIC', '2026-01-01T10:05:00Z', 'spread_anomaly');
    const cursor = String(await cursorOf('alert', 'TOPIC'));
    const after = await reader.until((message) => message.id === cursor);
    reader.close();
    expect(after.filter((message) => message.event === 'alert')).toEqual([]);
  });

  it('delivers an alert the Flink job emits for an anomaly in its Kafka topic', async () => {
    const app = await build(config);
    await app.liveAlertsReady;
    const [submitted] = await jobs.submit({ jobs: ['spread-metrics'] });
    // The shared cluster may be short of slots for a while (other suites' jobs): wait for them.
    await jobs.jobManager.waitUntilRunning(submitted!.jobId, 150_000);
    const reader = await connect(app);
    await reader.next(connected);
    const start = Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000;
    await produceAnomaly({
      brokers: config.kafkaBrokers,
      registryUrl: config.flinkJobs.registryUrl,
      topic: jobs.namespace.sourceTopic,
      symbols: ['FLINK'],
      start,
      watermarkDelayMs: config.flinkJobs.watermarkDelayMs,
    });
    const alert = await reader.next((message) => message.event === 'alert', 120_000);
    reader.close();
    expect(payload(alert)).toMatchObject({
      symbol: 'FLINK',
      alertType: 'spread_anomaly',
      windowStart: new Date(start).toISOString(),
      maxSpreadBps: expect.closeTo((0.5 / 100.25) * 10_000, 6),
      emittedAt: expect.any(String),
    });
  });
});
