// Market events that make the spread-metrics job raise exactly one alert per symbol: a spread anomaly in
// the minute starting at `start` (one quote at 10x the spread), then a quote on every partition past the
// watermark delay so that window closes. Written in the Confluent Avro wire format like the producer.
import { createMarketEventSerde, type MarketEvent } from '@spreadwatch/market-events';
import { Kafka, logLevel, type Message } from 'kafkajs';

export interface AnomalyOptions {
  brokers: string[];
  registryUrl: string;
  topic: string;
  symbols: string[];
  /** Epoch ms on a minute boundary. */
  start: number;
  watermarkDelayMs: number;
}

const quote = (symbol: string, time: number, spreadBps: number, sequence: number): MarketEvent => ({
  symbol,
  event_time: time,
  event_type: 'QUOTE',
  bid: 100,
  ask: 100 + spreadBps / 100,
  bid_size: 100,
  ask_size: 100,
  trade_price: null,
  trade_size: null,
  side: null,
  stress: 0.2,
  sequence,
});

export async function produceAnomaly(options: AnomalyOptions): Promise<void> {
  const serde = await createMarketEventSerde({ registryUrl: options.registryUrl, topic: options.topic });
  const window: Message[] = options.symbols.flatMap((symbol) =>
    Array.from({ length: 60 }, (_, second) => ({
      key: symbol,
      value: serde.encode(quote(symbol, options.start + second * 1000, second === 30 ? 50 : 5, second)),
    })),
  );
  const kafka = new Kafka({
    clientId: 'spreadwatch-api-test',
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const partitions = (await admin.fetchTopicOffsets(options.topic).finally(() => admin.disconnect())).map(
    (p) => p.partition,
  );
  const closing = options.start + 60_000 + options.watermarkDelayMs + 1000;
  const trailing: Message[] = partitions.map((partition) => ({
    partition,
    key: '~END',
    value: serde.encode(quote('~END', closing, 5, partition)),
  }));
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic: options.topic, messages: window, acks: -1 });
    await producer.send({ topic: options.topic, messages: trailing, acks: -1 });
  } finally {
    await producer.disconnect();
  }
}
