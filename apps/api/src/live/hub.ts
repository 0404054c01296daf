// The live fan-out. PostgreSQL's change log (live_changes) is the source of truth: one poller reads the
// changes numbered after its cursor, in commit order, and broadcasts each with its number as event id, so a
// client resumes with Last-Event-ID. Alerts also arrive from the alerts topic the moment Flink emits them;
// they are pushed without an id, and the first change of their row then only moves the clients' cursor
// (id-only message); a later correction of that row is pushed in full.
import type { FastifyBaseLogger } from 'fastify';
import type { Changes, ChangesRepository } from '../repositories/changes.ts';
import type { Alert } from '../schemas/rows.ts';
import { alertKey } from './alert-message.ts';
import { mergeChanges, type LiveRow } from './merge.ts';
import type { LiveEvent } from './sse.ts';

export interface LiveSubscriber {
  /** One read of the change log (or one pushed alert), in order. */
  send: (events: LiveEvent[]) => void;
  close: () => void;
}

export interface LiveHubOptions {
  pollMs: number;
  /** Changes older than this are pruned from the log; a client resuming from before them gets a `gap`. */
  retentionS: number;
  pruneEveryMs?: number;
  /** Changes per kind per query. */
  pageSize?: number;
  /** Changes a reconnecting client is sent at most before a `gap` event. */
  replayLimit?: number;
}

const PUSHED_ALERT_TTL_MS = 10 * 60_000;
const PRUNE_BATCH = 10_000;

export class LiveHub {
  private position = 0;
  private readonly subscribers = new Set<LiveSubscriber>();
  private readonly pushedAlerts = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private streams = 0;
  private lastError: string | undefined;

  constructor(
    private readonly changes: ChangesRepository,
    private readonly options: LiveHubOptions,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Starts from the log's head; without the log (a namespace not migrated yet) from 0 until it appears. */
  async start(): Promise<void> {
    try {
      this.position = await this.changes.head();
    } catch (error) {
      this.failed(error);
    }
    this.schedule();
    this.pruneTimer = setInterval(() => void this.prune(), this.options.pruneEveryMs ?? 60_000);
  }

  /** Everything up to here has been broadcast. */
  get cursor(): number {
    return this.position;
  }

  /** The highest number in the change log now (this hub may not have broadcast up to it yet). */
  head(): Promise<number> {
    return this.changes.head();
  }

  /** Open streams, replaying or live. */
  get size(): number {
    return this.streams;
  }

  /** Counts an open stream until the returned function is called. */
  track(): () => void {
    this.streams++;
    let left = false;
    return () => {
      if (!left) this.streams--;
      left = true;
    };
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
    this.broadcast([{ event: 'alert', data: { ...alert, emittedAt: new Date(emittedAt).toISOString() } }]);
  }

  /**
   * The changes in (after, until], page by page (the caller writes one before it asks for the next), at most
   * replayLimit of them; a `gap` event says what was skipped: pruned changes, or the rest past the limit.
   */
  async *replay(
    after: number,
    until: number,
    replayLimit = this.options.replayLimit ?? 10_000,
  ): AsyncGenerator<LiveEvent[]> {
    const pageSize = this.options.pageSize ?? 2000;
    let cursor = after;
    let sent = 0;
    while (cursor < until) {
      if (sent >= replayLimit) {
        yield [gap(cursor, until)];
        return;
      }
      const { events, cursor: next } = read(
        await this.changes.between(cursor, until, pageSize),
        cursor,
        pageSize,
      );
      sent += events.length;
      yield events;
      // A log that went back below `until` (the namespace was dropped and made again) has nothing more.
      if (next <= cursor) return;
      cursor = next;
    }
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.pruneTimer);
    for (const subscriber of this.subscribers) subscriber.close();
    this.subscribers.clear();
  }

  private schedule(): void {
    if (!this.closed)
      this.timer = setTimeout(() => void this.poll().finally(() => this.schedule()), this.options.pollMs);
  }

  private async poll(): Promise<void> {
    try {
      // Nobody listening: follow the head without reading changes. A client that subscribed meanwhile read
      // the old cursor, so then it stays, and the next poll reads from there.
      if (this.subscribers.size === 0) {
        const head = await this.changes.head();
        if (this.subscribers.size === 0) this.position = Math.max(this.position, head);
        this.lastError = undefined;
        return;
      }
      const pageSize = this.options.pageSize ?? 2000;
      for (;;) {
        const changes = await this.changes.between(this.position, undefined, pageSize);
        if (this.closed) return;
        const { events, cursor } = read(changes, this.position, pageSize);
        // Cursor and broadcast in one synchronous step: a subscriber reads the cursor either before or after.
        this.position = Math.max(this.position, cursor);
        if (events.length > 0) this.broadcast(events.map((event) => this.consumePushed(event)));
        if (cursor >= changes.upper) break;
      }
      this.lastError = undefined;
    } catch (error) {
      this.failed(error);
    }
  }

  /** Logs a failed read of the log once, not on every poll, until a read succeeds again. */
  private failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (message !== this.lastError) this.log.error({ err: error }, 'reading the live change log failed');
    this.lastError = message;
  }

  private async prune(): Promise<void> {
    try {
      while ((await this.changes.prune(this.options.retentionS, PRUNE_BATCH)) === PRUNE_BATCH)
        if (this.closed) return;
    } catch (error) {
      this.log.error({ err: error }, 'pruning the live change log failed');
    }
  }

  /** The first change of an alert already pushed from the topic only moves the cursor. */
  private consumePushed(event: LiveEvent): LiveEvent {
    if (event.event !== 'alert') return event;
    const key = alertKey(event.data as Alert);
    if (!this.pushedAlerts.delete(key)) return event;
    return { id: event.id! };
  }

  private broadcast(events: LiveEvent[]): void {
    for (const subscriber of this.subscribers) subscriber.send(events);
  }
}

/** The events of one read from `after`: a gap first when changes after it were pruned. */
function read(changes: Changes, after: number, pageSize: number): { events: LiveEvent[]; cursor: number } {
  const events: LiveEvent[] = [];
  let from = after;
  if (changes.prunedThrough > after) {
    from = Math.min(changes.prunedThrough, changes.upper);
    events.push(gap(after, from));
  }
  const merged = mergeChanges(changes, from, pageSize);
  return { events: [...events, ...merged.rows.map(toEvent)], cursor: merged.cursor };
}

export const gapData = (from: number, to: number) => ({ fromCursor: String(from), toCursor: String(to) });

const gap = (from: number, to: number): LiveEvent => ({
  event: 'gap',
  id: String(to),
  data: gapData(from, to),
});

function toEvent(row: LiveRow): LiveEvent {
  return { event: row.kind, id: String(row.seq), data: row.row };
}
