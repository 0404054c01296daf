// Against the real stack: the producer's live mode, run as the CLI like `make up` runs it, keeps event time
// with the wall clock. Each topic stamps messages with the broker's clock when it appends them
// (LogAppendTime), and every event's event time must be at most that and at most a second behind it, over
// a run long enough that the old pacing by event count drifted past a second (about 2 s a minute).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { decodeMarketEvent, wireFormatSchemaId } from '@spreadwatch/market-events';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const RUN_SECONDS = 70;
/** The demo's rate (`make up`), and 25 times it. */
const RATES = [200, 5_000];

const config = loadConfig();
const namespace = `live_clock_${Date.now().toString(36)}`;
const topicOf = (rate: number) => `market_events.${namespace}_${rate}`;
const kafka = new Kafka({
  clientId: 'producer-live-clock-test',
  brokers: [...config.brokers],
  logLevel: logLevel.NOTHING,
});

interface ProducerRun {
  readonly code: number | null;
  readonly stderr: string;
}

function runLiveProducer(rate: number): Promise<ProducerRun> {
  const args = [
    '--import',
    'tsx',
    MAIN,
    '--rate',
    String(rate),
    '--event-rate',
    String(rate),
    '--duration',
    `${RUN_SECONDS}s`,
    '--topic',
    topicOf(rate),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

interface Lag {
  readonly events: number;
  /** Event-time span the run covered, milliseconds. */
  readonly spanMs: number;
  /** Broker append time minus event time, over every event: least and most. */
  readonly minMs: number;
  readonly maxMs: number;
}

/** Reads the whole topic back and measures each event's event time against its append time. */
async function measureLag(topic: string): Promise<Lag> {
  const admin = kafka.admin();
  await admin.connect();
  const expected = (await admin.fetchTopicOffsets(topic)).reduce(
    (sum, partition) => sum + Number(partition.high),
    0,
  );
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `${topic}-reader` });
  let events = 0;
  let minMs = Infinity;
  let maxMs = -Infinity;
  let first = Infinity;
  let last = -Infinity;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`consumed ${events} of ${expected} events of ${topic} in 60 s`)),
      60_000,
    );
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) {
        clearTimeout(timer);
        reject(payload.error);
      }
    });
    void consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          const value = message.value ?? Buffer.alloc(0);
          wireFormatSchemaId(value); // throws unless Confluent wire format
          const eventTime = decodeMarketEvent(value.subarray(5)).event_time;
          const lag = Number(message.timestamp) - eventTime;
          events++;
          minMs = Math.min(minMs, lag);
          maxMs = Math.max(maxMs, lag);
          first = Math.min(first, eventTime);
          last = Math.max(last, eventTime);
        }
        if (events >= expected) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  try {
    await done;
  } finally {
    await consumer.disconnect();
  }
  return { events, spanMs: last - first, minMs, maxMs };
}

describe('the live producer keeps event time with the wall clock', () => {
  afterAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: RATES.map(topicOf) });
    await admin.disconnect();
  });

  it(`sends every event within a second after its event time, for ${RUN_SECONDS} s at ${RATES.join(' and ')} events/s`, async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: RATES.map((rate) => ({
        topic: topicOf(rate),
        numPartitions: 3,
        configEntries: [{ name: 'message.timestamp.type', value: 'LogAppendTime' }],
      })),
      waitForLeaders: true,
    });
    await admin.disconnect();

    const runs = await Promise.all(RATES.map(runLiveProducer));
    for (const [i, run] of runs.entries()) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr, `rate ${RATES[i]}`).toMatch(/sent (\d+), acknowledged \1 events/);
    }
    for (const rate of RATES) {
      const lag = await measureLag(topicOf(rate));
      console.info(
        `rate ${rate}: ${lag.events} events over ${lag.spanMs} ms of event time; append time - event time in [${lag.minMs}, ${lag.maxMs}] ms`,
      );
      // About the rate asked: a stalled or empty run would prove nothing.
      expect(lag.events, `rate ${rate}`).toBeGreaterThan(rate * RUN_SECONDS * 0.8);
      expect(lag.spanMs, `rate ${rate}`).toBeGreaterThan((RUN_SECONDS - 1) * 1000);
      expect(lag.minMs, `rate ${rate}: an event was appended before its event time`).toBeGreaterThanOrEqual(
        0,
      );
      expect(
        lag.maxMs,
        `rate ${rate}: an event was appended more than 1 s after its event time`,
      ).toBeLessThanOrEqual(1_000);
    }
  }, 150_000);
});
