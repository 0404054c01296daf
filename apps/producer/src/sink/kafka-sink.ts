// Produces events to Kafka in the Confluent Avro wire format: idempotent, acks=all, keyed by symbol so
// each symbol stays in one partition and in order. Startup (registry, topic, producers) is retried with
// backoff and logged.
import { createMarketEventSerde, type MarketEvent, type MarketEventSerde } from '@spreadwatch/market-events';
import { Kafka, Partitioners, type LogEntry, type Message, type PartitionMetadata, type Producer } from 'kafkajs';
import type { Logger } from '../log.ts';
import { describeError, withRetry, type RetryOptions } from '../retry.ts';
import type { EventSink, SinkReport } from './event-sink.ts';

export interface KafkaSinkOptions {
  readonly brokers: readonly string[];
  readonly registryUrl: string;
  readonly topic: string;
  /** Partitions of the topic if it has to be created. */
  readonly partitions: number;
  readonly logger: Logger;
  /** Attempts to reach the registry and the broker before giving up. */
  readonly connectAttempts?: number;
  /** Idempotent producers sending in parallel (see laneSender). */
  readonly lanes?: number;
  readonly signal?: AbortSignal;
}

const DEFAULT_LANES = 4;

export interface KafkaSink extends EventSink {
  readonly schemaId: number;
}

export async function createKafkaSink(options: KafkaSinkOptions): Promise<KafkaSink> {
  const { logger, topic } = options;
  const retry = (what: string): RetryOptions => ({
    attempts: options.connectAttempts ?? 10,
    initialDelayMs: 500,
    maxDelayMs: 15_000,
    signal: options.signal,
    onRetry: (error, attempt, delayMs) =>
      logger.warn(`${what} failed (attempt ${attempt}): ${describeError(error)}; retrying in ${(delayMs / 1000).toFixed(1)} s`),
  });

  const serde = await withRetry(
    // The client's own retries are off: this loop retries and says so.
    () => createMarketEventSerde({ registryUrl: options.registryUrl, topic, maxRetries: 0 }),
    retry(`registering the schema at ${options.registryUrl}`),
  );
  logger.info(`schema registered: subject ${serde.subject}, id ${serde.schemaId}`);
  await checkFastEncoding(serde);

  const kafka = new Kafka({
    clientId: 'spreadwatch-producer',
    brokers: [...options.brokers],
    logCreator: () => (entry: LogEntry) => forwardKafkaLog(logger, entry),
    // Short inner retries: the outer loop above owns backoff across attempts and logs them.
    retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 5 },
  });
  const admin = kafka.admin();
  await withRetry(() => admin.connect(), retry(`connecting to Kafka at ${options.brokers.join(',')}`));
  let partitionMetadata: PartitionMetadata[];
  try {
    const created = await admin.createTopics({ topics: [{ topic, numPartitions: options.partitions }], waitForLeaders: true });
    if (created) logger.info(`created topic ${topic} with ${options.partitions} partitions`);
    partitionMetadata = (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions ?? [];
  } finally {
    await admin.disconnect();
  }

  const lanes = await Promise.all(
    Array.from({ length: Math.min(options.lanes ?? DEFAULT_LANES, partitionMetadata.length) }, async () => {
      const producer = kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // Messages carry their partition (see laneSender); this only silences kafkajs's partitioner notice.
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await withRetry(() => producer.connect(), retry(`connecting the producer to ${options.brokers.join(',')}`));
      return producer;
    }),
  );
  logger.info(`producing to ${topic} (${partitionMetadata.length} partitions) through ${lanes.length} idempotent producers`);
  return laneSender(lanes, serde, topic, partitionMetadata, logger);
}

/**
 * The sink encodes with avsc directly (encodeWireFormat) for speed; this guards that shortcut against the
 * registry client changing its encoding.
 */
async function checkFastEncoding(serde: MarketEventSerde): Promise<void> {
  const probe: MarketEvent = {
    symbol: 'PROBE',
    event_time: 0,
    event_type: 'TRADE',
    bid: 1,
    ask: 2,
    bid_size: 100,
    ask_size: 100,
    trade_price: 1.5,
    trade_size: 100,
    side: 'BUY',
    stress: 0,
    sequence: 0,
  };
  if (!serde.encode(probe).equals(await serde.serialize(probe))) {
    throw new Error('the fast wire-format encoding differs from @confluentinc/schemaregistry: refusing to produce');
  }
}

/**
 * One kafkajs producer sends about 50k events/s: an idempotent producer holds a lock per broker while it
 * encodes and awaits each request. So events go through several producers ("lanes"), each owning the
 * partitions p with p mod lanes = its index: each partition, hence each symbol, is still written by exactly
 * one idempotent producer in order. Partitions are computed once per symbol with the Java-compatible
 * murmur2 partitioner.
 */
function laneSender(
  lanes: readonly Producer[],
  serde: MarketEventSerde,
  topic: string,
  partitionMetadata: PartitionMetadata[],
  logger: Logger,
): KafkaSink {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionOf = new Map<string, number>();
  const inFlight: Promise<void>[] = lanes.map(() => Promise.resolve());
  let sent = 0;
  let acknowledged = 0;
  const failed: MarketEvent[] = [];
  let failure: string | undefined;

  const send = (lane: number, messages: Message[], events: MarketEvent[]) => {
    sent += events.length;
    return (lanes[lane] as Producer).send({ topic, messages, acks: -1 }).then(
      () => {
        acknowledged += events.length;
      },
      (error: unknown) => {
        failed.push(...events);
        failure ??= describeError(error);
        logger.error(`send of ${events.length} events failed: ${describeError(error)}`);
      },
    );
  };

  return {
    schemaId: serde.schemaId,
    async write(events) {
      const messages: Message[][] = lanes.map(() => []);
      const laneEvents: MarketEvent[][] = lanes.map(() => []);
      for (const e of events) {
        let partition = partitionOf.get(e.symbol);
        if (partition === undefined) {
          partition = partitioner({ topic, partitionMetadata, message: { key: e.symbol, value: null } });
          partitionOf.set(e.symbol, partition);
        }
        const lane = partition % lanes.length;
        (messages[lane] as Message[]).push({ key: e.symbol, value: serde.encode(e), partition });
        (laneEvents[lane] as MarketEvent[]).push(e);
      }
      for (let lane = 0; lane < lanes.length; lane++) {
        if ((messages[lane] as Message[]).length === 0) continue;
        // One batch in flight per lane: the next is encoded while it travels.
        await inFlight[lane];
        if (failure !== undefined) throw new Error(`Kafka send failed: ${failure}`);
        inFlight[lane] = send(lane, messages[lane] as Message[], laneEvents[lane] as MarketEvent[]);
      }
    },
    async close(): Promise<SinkReport> {
      await Promise.all(inFlight);
      await Promise.all(lanes.map((producer) => producer.disconnect()));
      return failure === undefined ? { sent, acknowledged, failed } : { sent, acknowledged, failed, failure };
    },
  };
}

// kafkajs logs every failed connection attempt as an error; the retry loops log those once, clearly, so
// its own lines are kept for debugging only.
function forwardKafkaLog(logger: Logger, entry: LogEntry): void {
  logger.debug(`kafkajs ${entry.namespace}: ${entry.log.message}`);
}
