// Against the real stack: events produced by the CLI's Kafka path are consumed back, decoded through the
// registry, and equal to what the simulator generates for the same options.
import { randomUUID } from 'node:crypto';
import { createMarketEventSerde, wireFormatSchemaId, type MarketEvent } from '@spreadwatch/market-events';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { runProducer } from '../src/run-producer.ts';
import { createKafkaSink } from '../src/sink/kafka-sink.ts';
import { simulateMarket, type SimulatorOptions } from '../src/simulation/market-simulator.ts';

const config = loadConfig();
const topic = `market_events.test-${randomUUID()}`;
const kafka = new Kafka({ clientId: 'producer-integration-test', brokers: [...config.brokers], logLevel: logLevel.NOTHING });
const options: SimulatorOptions = {
  seed: 42,
  startTime: Date.UTC(2026, 0, 5, 14, 30),
  symbols: 25,
  count: 30_000,
  lateFraction: 0.02,
  maxDelayMs: 300,
};

interface Received {
  readonly partition: number;
  readonly key: string;
  readonly value: Buffer;
}

async function consumeAll(expected: number): Promise<Received[]> {
  const consumer = kafka.consumer({ groupId: `${topic}-reader` });
  const received: Received[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`consumed ${received.length} of ${expected} events in 120 s`)), 120_000);
    // A consumer that crashes for good fails the test with its reason instead of waiting out the timer.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) {
        clearTimeout(timer);
        reject(payload.error);
      }
    });
    void consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          received.push({ partition: batch.partition, key: message.key?.toString('utf8') ?? '', value: message.value ?? Buffer.alloc(0) });
        }
        if (received.length >= expected) {
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
  return received;
}

describe('producer against the real stack', () => {
  afterAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  it('produces events that consume back, decode through the registry, and equal the generated ones', async () => {
    const logger = createLogger('warn');
    const sink = await createKafkaSink({ brokers: config.brokers, registryUrl: config.registryUrl, topic, partitions: 6, logger });
    const report = await runProducer(simulateMarket(options), sink, {
      batchSize: 2_000,
      signal: new AbortController().signal,
      logger,
    });
    expect(report).toMatchObject({ sent: 30_000, acknowledged: 30_000, failed: [] });

    const received = await consumeAll(30_000);
    expect(received).toHaveLength(30_000);
    const serde = await createMarketEventSerde({ registryUrl: config.registryUrl, topic });
    const decoded: MarketEvent[] = [];
    for (const message of received) {
      expect(wireFormatSchemaId(message.value)).toBe(sink.schemaId);
      const event = await serde.deserialize(message.value);
      expect(message.key).toBe(event.symbol);
      decoded.push(event);
    }

    // Each symbol lives in one partition, in emission order there (late events stay late).
    const emitted = [...simulateMarket(options)];
    const partitionOf = new Map<string, number>();
    for (const message of received) {
      const seen = partitionOf.get(message.key);
      expect(seen === undefined || seen === message.partition, message.key).toBe(true);
      partitionOf.set(message.key, message.partition);
    }
    // Where a Java client puts each symbol: kafkajs's default partitioner is Kafka's, implemented apart from ours.
    const javaPartitioner = Partitioners.DefaultPartitioner();
    const partitionMetadata = Array.from({ length: 6 }, (_, partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0 }));
    for (const [symbol, partition] of partitionOf) {
      expect(javaPartitioner({ topic, partitionMetadata, message: { key: symbol, value: null } }), symbol).toBe(partition);
    }
    const perSymbol = (events: MarketEvent[]) => {
      const groups = new Map<string, MarketEvent[]>();
      for (const e of events) groups.set(e.symbol, [...(groups.get(e.symbol) ?? []), e]);
      return groups;
    };
    expect(perSymbol(decoded)).toEqual(perSymbol(emitted));
  });

  it('registers the .avsc itself, with the timestamp-millis logical type, under the topic value subject', async () => {
    const response = await fetch(`${config.registryUrl}/subjects/${encodeURIComponent(`${topic}-value`)}/versions/latest`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { schema: string };
    const schema = JSON.parse(body.schema) as { name: string; fields: { name: string; type: unknown }[] };
    expect(schema.name).toBe('MarketEvent');
    expect(schema.fields.find((f) => f.name === 'event_time')?.type).toEqual({ type: 'long', logicalType: 'timestamp-millis' });
  });
});
