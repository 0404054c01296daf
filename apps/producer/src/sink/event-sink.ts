import type { MarketEvent } from '@spreadwatch/market-events';

export interface SinkReport {
  /** Events handed to the destination. */
  readonly sent: number;
  /** Events the destination confirmed (Kafka: acks=all; NDJSON: flushed to the stream). */
  readonly acknowledged: number;
  /** Events sent but not confirmed. */
  readonly failed: readonly MarketEvent[];
  /** Why they failed, when some did. */
  readonly failure?: string;
  /** Sends were given up on while still in flight (the broker down too long): nothing waits for them. */
  readonly abandoned?: boolean;
}

export interface EventSink {
  /** Takes a batch; resolves when the sink is ready for the next one, rejects once the sink has failed. */
  write(events: readonly MarketEvent[]): Promise<void>;
  /** Waits for every outstanding batch, releases the destination and reports. */
  close(): Promise<SinkReport>;
}
