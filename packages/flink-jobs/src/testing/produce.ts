// Writes market events to a topic in the Confluent wire format, keyed by symbol like the producer, plus
// the helpers that make a finite stream's last windows close.
import { createMarketEventSerde, type MarketEvent } from '@spreadwatch/market-events';
import { Kafka, logLevel, type Message } from 'kafkajs';
import { TOPIC_PARTITIONS } from '../topics.ts';

export interface ProduceOptions {
  brokers: string[];
  registryUrl: string;
  topic: string;
  /** Messages per request. */
  batchSize?: number;
}

export interface PartitionedEvent {
  event: MarketEvent;
  /** Explicit partition; by default the key (symbol) decides. */
  partition?: number;
}

export async function produceEvents(
  options: ProduceOptions,
  events: Iterable<MarketEvent | PartitionedEvent>,
): Promise<number> {
  const serde = await createMarketEventSerde({ registryUrl: options.registryUrl, topic: options.topic });
  // One request in flight keeps each partition in emission order: the order is part of the test input.
  const producer = new Kafka({
    clientId: 'spreadwatch-flink-jobs-test',
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
  }).producer({
    maxInFlightRequests: 1,
    // A retried request must not write its events twice: the stream is the test's expected input.
    idempotent: true,
  });
  await producer.connect();
  let count = 0;
  try {
    let batch: Message[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      await producer.send({ topic: options.topic, messages: batch, acks: -1 });
      count += batch.length;
      batch = [];
    };
    for (const item of events) {
      const { event, partition } = 'event' in item ? item : { event: item, partition: undefined };
      batch.push({
        key: event.symbol,
        value: serde.encode(event),
        ...(partition === undefined ? {} : { partition }),
      });
      if (batch.length >= (options.batchSize ?? 5_000)) await flush();
    }
    await flush();
  } finally {
    await producer.disconnect();
  }
  return count;
}

/**
 * One quote per partition at `time`: every partition's watermark passes time - delay, closing every
 * window that ends by then. Its symbol is one the stream does not use, and its window stays open.
 */
export function trailingEvents(time: number, partitions = TOPIC_PARTITIONS): PartitionedEvent[] {
  return Array.from({ length: partitions }, (_, partition) => ({
    partition,
    event: {
      symbol: '~END',
      event_time: time,
      event_type: 'QUOTE',
      bid: 1,
      ask: 1.01,
      bid_size: 1,
      ask_size: 1,
      trade_price: null,
      trade_size: null,
      side: null,
      stress: 0,
      sequence: partition,
    },
  }));
}
