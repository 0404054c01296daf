// A live market for a test namespace, through the real pipeline: the producer's simulator backfills the
// last minutes at once, then keeps producing in step with the wall clock, so windows close in real time.
// A spread shock can be switched on for one symbol. Each symbol goes to a fixed partition (index modulo
// the partition count), so every partition carries data and none holds the watermark back.
import { createMarketEventSerde, type MarketEvent } from '@spreadwatch/market-events';
import { Kafka, logLevel, type Message, type Producer } from 'kafkajs';
// Imported by path: @spreadwatch/producer has no package entry for its simulator.
import { simulateMarket } from '../../../producer/src/simulation/market-simulator.ts';

export interface MarketFeedOptions {
  brokers: string[];
  registryUrl: string;
  topic: string;
  partitions: number;
  symbols: number;
  backfillMs: number;
  seed?: number;
}

interface Shock {
  symbol: string;
  from: number;
  to: number;
  factor: number;
}

const TICK_MS = 200;

export class MarketFeed {
  private readonly events: Iterator<MarketEvent>;
  private pending: MarketEvent | undefined;
  private readonly partitionOf = new Map<string, number>();
  private producer: Producer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();
  private shocks: Shock[] = [];
  private stopped = false;
  produced = 0;

  constructor(private readonly options: MarketFeedOptions) {
    const startTime = Math.floor((Date.now() - options.backfillMs) / 1000) * 1000;
    this.events = simulateMarket({
      seed: options.seed ?? 11,
      startTime,
      symbols: options.symbols,
      durationMs: 6 * 3_600_000,
    })[Symbol.iterator]();
  }

  /** Produces the backfill up to now, then keeps producing every 200 ms. */
  async start(): Promise<void> {
    const kafka = new Kafka({
      clientId: 'spreadwatch-web-test',
      brokers: this.options.brokers,
      logLevel: logLevel.NOTHING,
    });
    this.producer = kafka.producer({ maxInFlightRequests: 1 });
    await this.producer.connect();
    const serde = await createMarketEventSerde({
      registryUrl: this.options.registryUrl,
      topic: this.options.topic,
    });
    const send = async (): Promise<void> => {
      const messages: Message[] = [];
      for (const event of this.until(Date.now())) {
        messages.push({
          key: event.symbol,
          value: serde.encode(this.shocked(event)),
          partition: this.partition(event.symbol),
        });
        if (messages.length >= 5_000) await this.send(messages.splice(0));
      }
      await this.send(messages);
    };
    await send();
    const loop = (): void => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.ticking = send().then(loop);
      }, TICK_MS);
    };
    loop();
  }

  /** The symbols in simulator order (the ones that exist once the backfill is in). */
  symbols(): string[] {
    return [...this.partitionOf.keys()];
  }

  /** Widens one symbol's quoted spread `factor` times for `durationMs` from now. */
  shock(symbol: string, durationMs: number, factor: number): { from: number; to: number } {
    const from = Date.now();
    this.shocks.push({ symbol, from, to: from + durationMs, factor });
    return { from, to: from + durationMs };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking.catch(() => undefined);
    await this.producer?.disconnect();
  }

  private *until(time: number): Generator<MarketEvent> {
    for (;;) {
      const event = this.pending ?? this.events.next().value;
      if (!event || event.event_time > time) {
        this.pending = event;
        return;
      }
      this.pending = undefined;
      yield event;
    }
  }

  private partition(symbol: string): number {
    let partition = this.partitionOf.get(symbol);
    if (partition === undefined) {
      partition = this.partitionOf.size % this.options.partitions;
      this.partitionOf.set(symbol, partition);
    }
    return partition;
  }

  private shocked(event: MarketEvent): MarketEvent {
    const shock = this.shocks.find(
      (s) => s.symbol === event.symbol && event.event_time >= s.from && event.event_time < s.to,
    );
    if (!shock) return event;
    const mid = (event.bid + event.ask) / 2;
    const half = ((event.ask - event.bid) / 2) * shock.factor;
    return { ...event, bid: mid - half, ask: mid + half };
  }

  private async send(messages: Message[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer!.send({ topic: this.options.topic, messages, acks: -1 });
    this.produced += messages.length;
  }
}
