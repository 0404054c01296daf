// Against the real stack: the producer, run as the CLI, rides out a broker outage of a minute. Mid-run the
// broker is stopped through the stack's supervisor (PM2 keeps a stopped process down), held down for 60 s
// and started again; the producer must keep running, then finish having sent every event, and the topic
// must hold each generated event exactly once, in per-symbol order.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { decodeMarketEvent, wireFormatSchemaId, type MarketEvent } from '@spreadwatch/market-events';
import { startSupervisedProcess, stopSupervisedProcess, supervisedProcess } from '@spreadwatch/native-stack';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { simulateMarket, type SimulatorOptions } from '../src/simulation/market-simulator.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const OUTAGE_MS = 60_000;
const RATE = 200;
/** About 30 s of events at RATE: the outage falls well inside the run. */
const COUNT = 6_000;
const simulation: SimulatorOptions = {
  seed: 23,
  startTime: Date.UTC(2026, 0, 5, 14, 30),
  symbols: 12,
  // The CLI simulates at the pacing rate unless told otherwise.
  eventRate: RATE,
  count: COUNT,
  lateFraction: 0,
  maxDelayMs: 0,
};
const BEFORE_OUTAGE = 1_000;

const config = loadConfig();
const namespace = `broker_outage_${Date.now().toString(36)}`;
const topic = `market_events.${namespace}`;
const kafka = new Kafka({
  clientId: 'producer-outage-test',
  brokers: [...config.brokers],
  logLevel: logLevel.NOTHING,
});

interface ProducerRun {
  readonly exited: Promise<number | null>;
  readonly stderr: () => string;
  readonly running: () => boolean;
  readonly kill: () => void;
}

function startProducer(): ProducerRun {
  const args = [
    '--import',
    'tsx',
    MAIN,
    '--seed',
    String(simulation.seed),
    '--start-time',
    new Date(simulation.startTime).toISOString(),
    '--symbols',
    String(simulation.symbols),
    '--count',
    String(COUNT),
    '--rate',
    String(RATE),
    '--partitions',
    '4',
    '--topic',
    topic,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let running = true;
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      running = false;
      resolve(code);
    });
  });
  return { exited, stderr: () => stderr, running: () => running, kill: () => child.kill('SIGKILL') };
}

async function eventsInTopic(): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

/** Reads the whole topic: every message, in partition order. */
async function consumeAll(expected: number): Promise<{ partition: number; event: MarketEvent }[]> {
  const consumer = kafka.consumer({ groupId: `${namespace}-reader` });
  const received: { partition: number; event: MarketEvent }[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        const value = message.value!;
        wireFormatSchemaId(value); // throws unless Confluent wire format
        received.push({ partition: batch.partition, event: decodeMarketEvent(value.subarray(5)) });
      }
    },
  });
  try {
    await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(expected), {
      timeout: 30_000,
      interval: 200,
    });
    // Anything beyond `expected` (a duplicate) is in the same high watermark: give it a moment to arrive too.
    await sleep(1_000);
  } finally {
    await consumer.disconnect();
  }
  return received;
}

describe('producer through a broker outage', () => {
  let producer: ProducerRun | undefined;

  afterAll(async () => {
    if (producer?.running() === true) producer.kill();
    // The broker comes back even when the test failed while it was down.
    if ((await supervisedProcess('kafka'))?.status === 'stopped') await startSupervisedProcess('kafka');
    const admin = kafka.admin();
    await vi.waitFor(() => admin.connect(), { timeout: 60_000, interval: 1_000 });
    try {
      await admin.deleteGroups([`${namespace}-reader`]).catch(() => undefined);
      await admin.deleteTopics({ topics: [topic] });
    } finally {
      await admin.disconnect();
    }
    await fetch(`${config.registryUrl}/subjects/${encodeURIComponent(`${topic}-value`)}`, {
      method: 'DELETE',
    });
  }, 120_000);

  it('keeps every event, once and in order, when Kafka is down for a minute mid-run', async () => {
    producer = startProducer();
    await vi.waitFor(async () => expect(await eventsInTopic()).toBeGreaterThanOrEqual(BEFORE_OUTAGE), {
      timeout: 60_000,
      interval: 250,
    });

    await stopSupervisedProcess('kafka');
    await sleep(OUTAGE_MS);
    // The producer waited the outage out rather than giving up.
    expect(producer.running(), producer.stderr()).toBe(true);
    await startSupervisedProcess('kafka');

    const code = await producer.exited;
    const stderr = producer.stderr();
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(
      /Kafka at \S+ unreachable for \d+ s .*: production paused with \d+ events waiting/,
    );
    expect(stderr).toContain(`sent ${COUNT}, acknowledged ${COUNT} events to topic ${topic}`);

    const received = await consumeAll(COUNT);
    const emitted = [...simulateMarket(simulation)];
    const id = (e: MarketEvent) => `${e.symbol}#${e.sequence}`;
    const copies = new Map<string, number>();
    for (const { event } of received) copies.set(id(event), (copies.get(id(event)) ?? 0) + 1);
    expect([...copies].filter(([, n]) => n > 1)).toEqual([]);
    const receivedIds = new Set(copies.keys());
    expect(emitted.filter((e) => !receivedIds.has(id(e))).map(id)).toEqual([]);
    expect(received).toHaveLength(emitted.length);

    // Each symbol's events in emission order, unchanged.
    const perSymbol = (events: MarketEvent[]) => {
      const groups = new Map<string, MarketEvent[]>();
      for (const e of events) groups.set(e.symbol, [...(groups.get(e.symbol) ?? []), e]);
      return groups;
    };
    // A symbol stays in one partition.
    const partitionOf = new Map<string, number>();
    for (const { partition, event } of received) {
      expect(partitionOf.get(event.symbol) ?? partition, event.symbol).toBe(partition);
      partitionOf.set(event.symbol, partition);
    }
    expect(perSymbol(received.map(({ event }) => event))).toEqual(perSymbol(emitted));
  }, 170_000);
});
