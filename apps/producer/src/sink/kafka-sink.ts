// Produces events to Kafka in the Confluent Avro wire format: idempotent, acks=all, keyed by symbol so
// each symbol stays in one partition and in order. Startup (registry, topic, producers) is retried with
// backoff and logged. Once producing, a broker outage is ridden out by the client's own retries of each
// request (see outage-retry.ts) for up to brokerOutageS, the generation paused meanwhile (see
// outage-monitor.ts).
import { setTimeout as sleep } from 'node:timers/promises';
import { Admin, findErrorBy, Producer, type MessageToProduce } from '@platformatic/kafka';
import { createMarketEventSerde, type MarketEvent, type MarketEventSerde } from '@spreadwatch/market-events';
import type { Logger } from '../log.ts';
import { describeError, withRetry, type RetryOptions } from '../retry.ts';
import type { EventSink, SinkReport } from './event-sink.ts';
import { javaPartition } from './kafka-partition.ts';
import { OutageMonitor } from './outage-monitor.ts';
import { retriesCovering, retryDelayMs } from './outage-retry.ts';

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

const CLIENT_ID = 'spreadwatch-producer';
/** Two beat four on two cores (make bench-producer): fewer, larger requests for the same events. */
const DEFAULT_LANES = 2;
const DEFAULT_OUTAGE_S = 300;
const TOPIC_READY_MS = 10_000;

export interface KafkaSink extends EventSink {
  readonly schemaId: number;
}

type Message = MessageToProduce<Buffer, Buffer, Buffer, Buffer>;

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
      logger.warn(
        `${what} failed (attempt ${attempt}): ${describeError(error)}; retrying in ${(delayMs / 1000).toFixed(1)} s`,
      ),
  });

  const serde = await withRetry(
    // The client's own retries are off: this loop retries and says so.
    () => createMarketEventSerde({ registryUrl: options.registryUrl, topic, maxRetries: 0 }),
    retry(`registering the schema at ${options.registryUrl}`),
  );
  logger.info(`schema registered: subject ${serde.subject}, id ${serde.schemaId}`);
  await checkFastEncoding(serde);

  // The client's own retries are off: the loop above owns backoff across attempts and logs them.
  const admin = new Admin({ clientId: CLIENT_ID, bootstrapBrokers: [...options.brokers], retries: 0 });
  let partitions: number;
  try {
    partitions = await withRetry(
      () => ensureTopic(admin, topic, options.partitions, logger),
      retry(`connecting to Kafka at ${brokers}`),
    );
  } finally {
    await admin.close();
  }

  const monitor = new OutageMonitor({ brokers, boundS: outageS, logger });
  const retries = retriesCovering(outageS * 1000);
  const lanes = Array.from(
    { length: Math.min(options.lanes ?? DEFAULT_LANES, partitions) },
    () =>
      new Producer({
        clientId: CLIENT_ID,
        bootstrapBrokers: [...options.brokers],
        idempotent: true,
        retries,
        retryDelay: (_client, _operation, attempt, _retries, error) => {
          // The error a request is retried for names the outage's cause (a refused connection, ...).
          monitor.kafkaError(describeError(error));
          return retryDelayMs(attempt);
        },
      }),
  );
  // Gets each producer its id now, so a broker refusing idempotence fails the start, not the first send.
  // The broker answered just above; should it vanish in between, this rides it out like any outage.
  await Promise.all(
    lanes.map((producer) =>
      withRetry(
        () => producer.initIdempotentProducer({}),
        retry(`starting an idempotent producer at ${brokers}`),
      ),
    ),
  );
  logger.info(
    `producing to ${topic} (${partitions} partitions) through ${lanes.length} idempotent producers`,
  );
  return laneSender(lanes, serde, topic, partitions, logger, { monitor, brokers, outageS });
}

/** Creates the topic unless it exists; resolves to its partition count once every partition has a leader. */
async function ensureTopic(admin: Admin, topic: string, partitions: number, logger: Logger): Promise<number> {
  try {
    await admin.createTopics({ topics: [topic], partitions });
    logger.info(`created topic ${topic} with ${partitions} partitions`);
  } catch (error) {
    if (findErrorBy(error as Error, 'apiId', 'TOPIC_ALREADY_EXISTS') === null) throw error;
  }
  // A topic just created shows in the metadata, with its leaders, a moment later.
  const deadline = Date.now() + TOPIC_READY_MS;
  for (;;) {
    const metadata = await admin.metadata({ topics: [topic], forceUpdate: true }).then(
      ({ topics }) => topics.get(topic),
      (error: unknown) => {
        if (Date.now() >= deadline) throw error;
        return undefined;
      },
    );
    if (metadata !== undefined && metadata.partitions.every((p) => p.leader >= 0))
      return metadata.partitionsCount;
    if (Date.now() >= deadline) throw new Error(`topic ${topic} has partitions without a leader`);
    await sleep(100);
  }
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
    throw new Error(
      'the fast wire-format encoding differs from @confluentinc/schemaregistry: refusing to produce',
    );
  }
}

/**
 * An idempotent producer has one request in flight per broker, and each send awaits its acknowledgement:
 * several producers ("lanes") keep several requests in flight. Each lane owns the partitions p with
 * p mod lanes = its index, so each partition, hence each symbol, is still written by exactly one
 * idempotent producer in order.
 */
function laneSender(
  lanes: readonly Producer[],
  serde: MarketEventSerde,
  topic: string,
  partitions: number,
  logger: Logger,
  outage: { readonly monitor: OutageMonitor; readonly brokers: string; readonly outageS: number },
): KafkaSink {
  /** Per symbol: its key bytes and partition, computed once. */
  const keys = new Map<string, { readonly key: Buffer; readonly partition: number }>();
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

  // The client's retries run past the bound by the time each attempt takes (see outage-retry.ts): the bound
  // itself is kept here. The sends in flight are given up on and reported as not acknowledged, and the
  // producers are closed, which ends their retries.
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
    for (const producer of lanes) producer.close(true).catch(() => undefined);
    giveUp();
  }, 1_000).unref();

  // A send that fails has exhausted the client's retries (or met an error no retry fixes): it is final,
  // never sent again (see outage-retry.ts).
  const send = (lane: number, messages: Message[], events: MarketEvent[]) => {
    sent += events.length;
    pending[lane] = events;
    monitor.sendStarted(lane, Date.now());
    return (lanes[lane] as Producer).send({ messages }).then(
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
        failure ??=
          waitedMs >= boundMs ? `${outageFailure(waitedMs)}: ${describeError(error)}` : describeError(error);
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
        let symbol = keys.get(e.symbol);
        if (symbol === undefined) {
          const key = Buffer.from(e.symbol);
          symbol = { key, partition: javaPartition(key, partitions) };
          keys.set(e.symbol, symbol);
        }
        const lane = symbol.partition % lanes.length;
        (messages[lane] as Message[]).push({
          topic,
          key: symbol.key,
          value: serde.encode(e),
          partition: symbol.partition,
        });
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
      if (!abandoned) await Promise.all(lanes.map((producer) => producer.close()));
      return failure === undefined
        ? { sent, acknowledged, failed }
        : { sent, acknowledged, failed, failure, abandoned };
    },
  };
}
