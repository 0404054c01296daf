// The live fan-out. PostgreSQL is the source of truth: one poller reads the rows written since its cursor
// (written_at, microseconds) and broadcasts them with that cursor as event id, so a client resumes with
// Last-Event-ID. Alerts also arrive from the alerts topic the moment Flink emits them; they are pushed
// without an id, and their PostgreSQL row later only moves the clients' cursor (id-only message).
import type { FastifyBaseLogger } from 'fastify';
import type { ChangesRepository } from '../repositories/changes.ts';
import type { Alert } from '../schemas/rows.ts';
import { alertKey } from './alert-message.ts';
import { mergeChanges, type LiveRow } from './merge.ts';
import type { LiveEvent } from './sse.ts';

export interface LiveSubscriber {
  send: (event: LiveEvent) => void;
  close: () => void;
}

export interface LiveHubOptions {
  pollMs: number;
  settleMs: number;
  /** Rows per table per query. */
  pageSize?: number;
  /** Rows a reconnecting client is sent at most before a `gap` event. */
  replayLimit?: number;
}

const PUSHED_ALERT_TTL_MS = 10 * 60_000;

export class LiveHub {
  private cursorUs = 0;
  private readonly subscribers = new Set<LiveSubscriber>();
  private readonly pushedAlerts = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly changes: ChangesRepository,
    private readonly options: LiveHubOptions,
    private readonly log: FastifyBaseLogger,
  ) {}

  async start(): Promise<void> {
    this.cursorUs = await this.changes.settledCursor(this.options.settleMs);
    this.schedule();
  }

  /** Everything up to here has been broadcast. */
  get cursor(): number {
    return this.cursorUs;
  }

  get size(): number {
    return this.subscribers.size;
  }

  subscribe(subscriber: LiveSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** An alert from the topic: pushed at once, remembered so its row is not pushed twice. */
  pushAlert(alert: Alert, emittedAt: number): void {
    const now = Date.now();
    for (const [key, expiry] of this.pushedAlerts) if (expiry < now) this.pushedAlerts.delete(key);
    this.pushedAlerts.set(alertKey(alert), now + PUSHED_ALERT_TTL_MS);
    this.broadcast({ event: 'alert', data: { ...alert, emittedAt: new Date(emittedAt).toISOString() } });
  }

  /** Rows in (after, until], at most replayLimit of them; a `gap` event says where the rest starts. */
  async replay(after: number, until: number): Promise<LiveEvent[]> {
    const pageSize = this.options.pageSize ?? 2000;
    const events: LiveEvent[] = [];
    let cursor = after;
    while (cursor < until) {
      if (events.length >= (this.options.replayLimit ?? 10_000)) {
        return [
          ...events,
          { event: 'gap', id: String(until), data: { fromCursor: String(cursor), toCursor: String(until) } },
        ];
      }
      const merged = mergeChanges(
        await this.changes.between(cursor, until, pageSize),
        cursor,
        until,
        pageSize,
      );
      events.push(...merged.rows.map(toEvent));
      cursor = merged.cursorUs;
    }
    return events;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const subscriber of this.subscribers) subscriber.close();
    this.subscribers.clear();
  }

  private schedule(): void {
    if (!this.closed)
      this.timer = setTimeout(() => void this.poll().finally(() => this.schedule()), this.options.pollMs);
  }

  private async poll(): Promise<void> {
    try {
      const pageSize = this.options.pageSize ?? 2000;
      const idle = this.subscribers.size === 0;
      const upper = await this.changes.settledCursor(this.options.settleMs);
      // Nobody listening: follow the clock without reading the tables. A client that subscribed meanwhile
      // read the old cursor, so then it stays, and the next poll reads from there.
      if (idle) {
        if (this.subscribers.size === 0) this.cursorUs = Math.max(this.cursorUs, upper);
        return;
      }
      if (upper <= this.cursorUs || this.closed) return;
      const merged = mergeChanges(
        await this.changes.between(this.cursorUs, upper, pageSize),
        this.cursorUs,
        upper,
        pageSize,
      );
      // Cursor and broadcast in one synchronous step: a subscriber reads the cursor either before or after.
      this.cursorUs = merged.cursorUs;
      for (const row of merged.rows) {
        const pushed = row.kind === 'alert' && this.pushedAlerts.has(alertKey(row.row));
        this.broadcast(pushed ? { id: String(row.cursorUs) } : toEvent(row));
      }
    } catch (error) {
      this.log.error({ err: error }, 'live poll failed');
    }
  }

  private broadcast(event: LiveEvent): void {
    for (const subscriber of this.subscribers) subscriber.send(event);
  }
}

function toEvent(row: LiveRow): LiveEvent {
  return { event: row.kind, id: String(row.cursorUs), data: row.row };
}
