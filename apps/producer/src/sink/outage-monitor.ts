// Says when the broker stops acknowledging, without a line per retry: once when a send has waited
// noticeAfterMs, then every progressEveryMs with how long and how many events wait, and once when sends
// are acknowledged again. Meanwhile the sink takes no new batch (each lane has one send in flight), so
// generation pauses instead of queueing events in memory.
import type { Logger } from '../log.ts';

export interface OutageMonitorOptions {
  /** The brokers, as configured, for the messages. */
  readonly brokers: string;
  /** How long the producer waits before giving up, seconds (SPREADWATCH_BROKER_OUTAGE_S). */
  readonly boundS: number;
  readonly logger: Logger;
  readonly noticeAfterMs?: number;
  readonly progressEveryMs?: number;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

export class OutageMonitor {
  /** Lane → when its send in flight started, epoch milliseconds. */
  private readonly pending = new Map<number, number>();
  private lastError: string | undefined;
  /** When the announced outage began (its oldest waiting send started). */
  private since: number | undefined;
  private nextReport = 0;

  constructor(private readonly options: OutageMonitorOptions) {}

  /** An error the Kafka client retried a request for (a refused connection, ...): the latest names the cause. */
  kafkaError(message: string): void {
    this.lastError = message;
  }

  sendStarted(lane: number, now: number): void {
    this.pending.set(lane, now);
  }

  /** A lane's send ended, acknowledged or not. Returns how long it waited, milliseconds. */
  sendSettled(lane: number, now: number, acknowledged: boolean, waiting: number): number {
    const waited = now - (this.pending.get(lane) ?? now);
    this.pending.delete(lane);
    // Over once no send is still stuck: lanes that waited through the outage come back one by one.
    if (!acknowledged || now - this.oldestPending() >= this.noticeAfterMs) return waited;
    if (this.since !== undefined) {
      this.options.logger.info(
        `Kafka at ${this.options.brokers} acknowledges again after ${seconds(now - this.since)}; ${waiting} events waiting, production resumes`,
      );
      this.since = undefined;
    }
    this.lastError = undefined;
    return waited;
  }

  /** Logs the outage, if a send has waited long enough; called periodically with the events not yet acknowledged. */
  check(now: number, waiting: number): void {
    const oldest = this.oldestPending();
    if (now - oldest < this.noticeAfterMs) return;
    const { brokers, boundS, logger } = this.options;
    const state = this.lastError === undefined ? 'not acknowledging' : 'unreachable';
    const cause = this.lastError === undefined ? '' : ` (${this.lastError})`;
    if (this.since === undefined) {
      this.since = oldest;
      logger.warn(
        `Kafka at ${brokers} ${state} for ${seconds(now - oldest)}${cause}: production paused with ${waiting} events waiting; ` +
          `retrying for up to ${boundS} s (SPREADWATCH_BROKER_OUTAGE_S)`,
      );
    } else if (now >= this.nextReport) {
      logger.warn(
        `Kafka at ${brokers} ${state} for ${seconds(now - this.since)}, ${waiting} events waiting${cause}`,
      );
    } else {
      return;
    }
    this.nextReport = now + (this.options.progressEveryMs ?? 10_000);
  }

  /** How long the oldest send in flight has waited; 0 when none is. */
  stuckForMs(now: number): number {
    return Math.max(0, now - this.oldestPending());
  }

  private get noticeAfterMs(): number {
    return this.options.noticeAfterMs ?? 5_000;
  }

  /** When the oldest send in flight started; Infinity when none is. */
  private oldestPending(): number {
    return Math.min(Infinity, ...this.pending.values());
  }
}
