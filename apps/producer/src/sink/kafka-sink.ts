// Produces events to Kafka in the Confluent Avro wire format: idempotent, acks=all, keyed by symbol so
// each symbol stays in one partition and in order. Startup (registry, topic, producers) is retried with
// backoff and logged. Once producing, a broker outage is ridden out by kafkajs's own retries of each request
// (see outage-retry.ts) for up to brokerOutageS, the generation paused meanwhile (see outage-monitor.ts).
import { createMarketEventSerde, type MarketEvent, type MarketEventSerde } from '@spreadwatch/market-events';
import { Kafka, logLevel, Partitioners, type LogEntry, type Message, type PartitionMetadata, type Producer } from 'kafkajs';
import type { Logger } from '../log.ts';
import { describeError, withRetry, type RetryOptions } from '../retry.ts';
import type { EventSink, SinkReport } from './event-sink.ts';
import { OutageMonitor } from './outage-monitor.ts';
import { retryCovering } from './outage-retry.ts';

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
  /** How long a send may wait for the broker (an outage) before the producer gives up, seconds. */
  readonly brokerOutageS?: number;
  readonly signal?: AbortSignal;
}

const DEFAULT_LANES = 4;
const DEFAULT_OUTAGE_S = 300;

export interface KafkaSink extends EventSink {
  readonly schemaId: number;
}

export async function createKafkaSink(options: KafkaSinkOptions): Promise<KafkaSink> {
  const { logger, topic } = options;
  const brokers = options.brokers.join(',');
  const outageS = options.brokerOutageS ?? DEFAULT_OUTAGE_S;
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
  await withRetry(() => admin.connect(), retry(`connecting to Kafka at ${brokers}`));
  let partitionMetadata: PartitionMetadata[];
  try {
    const created = await admin.createTopics({ topics: [{ topic, numPartitions: options.partitions }], waitForLeaders: true });
    if (created) logger.info(`created topic ${topic} with ${options.partitions} partitions`);
    partitionMetadata = (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions ?? [];
  } finally {
    await admin.disconnect();
  }

  const monitor = new OutageMonitor({ brokers, boundS: outageS, logger });
  const outageRetry = retryCovering(outageS * 1000);
  // The producers' own client: its connection retries (reconnecting during an outage) must last as long as
  // the request retries, since a request's retry loop gives up as soon as a reconnect loop inside it does.
  const producing = new Kafka({
    clientId: 'spreadwatch-producer',
    brokers: [...options.brokers],
    logCreator: () => (entry: LogEntry) => {
      if (entry.level === logLevel.ERROR) monitor.kafkaError(entry.log.message);
      forwardKafkaLog(logger, entry);
    },
    retry: outageRetry,
  });
  const lanes = await Promise.all(
    Array.from({ length: Math.min(options.lanes ?? DEFAULT_LANES, partitionMetadata.length) }, async () => {
      const producer = producing.producer({
        idempotent: true,
        retry: outageRetry,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // Messages carry their partition (see laneSender); this only silences kafkajs's partitioner notice.
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await withRetry(() => producer.connect(), retry(`connecting the producer to ${brokers}`));
      return producer;
    }),
  );
  logger.info(`producing to ${topic} (${partitionMetadata.length} partitions) through ${lanes.length} idempotent producers`);
  return laneSender(lanes, serde, topic, partitionMetadata, logger, { monitor, brokers, outageS });
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
  outage: { readonly monitor: OutageMonitor; readonly brokers: string; readonly outageS: number },
): KafkaSink {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionOf = new Map<string, number>();
  const inFlight: Promise<void>[] = lanes.map(() => Promise.resolve());
  const { monitor } = outage;
  const boundMs = outage.outageS * 1000;
  /** Events taken by write(), sent or about to be. */
  let accepted = 0;
  let sent = 0;
  let acknowledged = 0;
  const failed: MarketEvent[] = [];
  let failure: string | undefined;
  const waiting = () => accepted - acknowledged - failed.length;
  /** Each lane's send in flight, its events, until it settles. */
  const pending: (MarketEvent[] | undefined)[] = lanes.map(() => undefined);
  const outageFailure = (waitedMs: number) =>
    `Kafka at ${outage.brokers} acknowledged nothing for ${Math.round(waitedMs / 1000)} s, ` +
    `the most SPREADWATCH_BROKER_OUTAGE_S allows (${outage.outageS} s)`;

  // kafkajs's retry loops nest (reconnecting inside a request's retry), so its retries, each covering the
  // bound, may run to a few times it: the bound itself is kept here. The sends in flight are given up on,
  // reported as not acknowledged, and whatever kafkajs still does with them is no longer waited for.
  let giveUp = () => {};
  const gaveUp = new Promise<void>((resolve) => (giveUp = resolve));
  let abandoned = false;
  const watch = setInterval(() => {
    const now = Date.now();
    monitor.check(now, waiting());
    const stuckMs = monitor.stuckForMs(now);
    if (stuckMs < boundMs) return;
    abandoned = true;
    failure ??= outageFailure(stuckMs);
    for (const events of pending) failed.push(...(events ?? []));
    pending.fill(undefined);
    logger.error(`giving up: ${failure}`);
    clearInterval(watch);
    giveUp();
  }, 1_000).unref();

  // A send that fails has exhausted kafkajs's retries (or met an error no retry fixes): it is final, never
  // sent again (see outage-retry.ts).
  const send = (lane: number, messages: Message[], events: MarketEvent[]) => {
    sent += events.length;
    pending[lane] = events;
    monitor.sendStarted(lane, Date.now());
    return (lanes[lane] as Producer).send({ topic, messages, acks: -1 }).then(
      () => {
        if (abandoned) return;
        pending[lane] = undefined;
        acknowledged += events.length;
        monitor.sendSettled(lane, Date.now(), true, waiting());
      },
      (error: unknown) => {
        if (abandoned) return;
        pending[lane] = undefined;
        failed.push(...events);
        const waitedMs = monitor.sendSettled(lane, Date.now(), false, waiting());
        failure ??= waitedMs >= boundMs ? `${outageFailure(waitedMs)}: ${describeError(error)}` : describeError(error);
        logger.error(`send of ${events.length} events failed: ${describeError(error)}`);
      },
    );
  };

  return {
    schemaId: serde.schemaId,
    async write(events) {
      accepted += events.length;
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
        // One batch in flight per lane: the next is encoded while it travels, and while the broker is down
        // the caller waits here (backpressure) instead of queueing events.
        await Promise.race([inFlight[lane], gaveUp]);
        if (failure !== undefined) throw new Error(`Kafka send failed: ${failure}`);
        inFlight[lane] = send(lane, messages[lane] as Message[], laneEvents[lane] as MarketEvent[]);
      }
    },
    async close(): Promise<SinkReport> {
      await Promise.race([Promise.all(inFlight), gaveUp]);
      clearInterval(watch);
      // Disconnecting under a send kafkajs still retries would only wait for it.
      if (!abandoned) await Promise.all(lanes.map((producer) => producer.disconnect()));
      return failure === undefined ? { sent, acknowledged, failed } : { sent, acknowledged, failed, failure, abandoned };
    },
  };
}

// kafkajs logs every failed connection attempt as an error; the retry loops log those once, clearly, so
// its own lines are kept for debugging only.
function forwardKafkaLog(logger: Logger, entry: LogEntry): void {
  logger.debug(`kafkajs ${entry.namespace}: ${entry.log.message}`);
}
