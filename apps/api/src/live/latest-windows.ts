// The newest window of every symbol, served from memory and brought up to date from the live change log.
// A read is one statement: the log's newest window change, and the newest window of only the symbols with a
// window written or corrected since the snapshot's position, in the same database snapshot. An answer is
// never staler than the live stream: a request after the stream's cursor moved past what the snapshot was
// read at waits for a read that starts after it (shared by every request arriving meanwhile), so any window
// the stream has delivered is in the answer; while the cursor stands, requests cost no query at all.
// The body is serialized once per change from each row's JSON (kept per row), with an ETag and a gzip copy.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { LatestRead } from '../repositories/metrics.ts';

export interface LatestBody {
  /** `{"items":[...]}`, by symbol. */
  json: Buffer;
  etag: string;
  /** The same body gzipped, compressed on first use. */
  gzipped: () => Promise<Buffer>;
}

/** `after` undefined: every symbol; otherwise the symbols with a window change after that position. */
export type ReadLatest = (after?: number) => Promise<LatestRead>;

// The log records writes only: a row deleted by hand (or a table truncated) leaves the snapshot within this.
const FULL_READ_MS = 30_000;
const gzipAsync = promisify(gzip);

export class LatestWindows {
  /** Row JSON by symbol, in the database's symbol order. */
  private rows = new Map<string, string>();
  private position = -1;
  private readAt = 0;
  /** The stream's cursor when the read behind the body started: the body holds every change up to it. */
  private readThrough = -1;
  private body: LatestBody | undefined;
  private running: Promise<LatestBody> | undefined;
  private queued: Promise<LatestBody> | undefined;

  /** `cursor`: the live stream's cursor, every change up to which it has read (LiveHub.cursor). */
  constructor(
    private readonly read: ReadLatest,
    private readonly cursor: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The body, holding every change up to the stream's cursor now: the kept one while the cursor has not
   * moved past its read (and it is younger than FULL_READ_MS), else that of a read that starts after this
   * call: a caller arriving while a read is under way waits for the next one, since the running one may
   * predate the changes the stream has delivered since.
   */
  current(): Promise<LatestBody> {
    const fresh = this.cursor() <= this.readThrough && this.now() - this.readAt < FULL_READ_MS;
    if (this.body && fresh) return Promise.resolve(this.body);
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const queued = this.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    this.queued = queued;
    return queued;
  }

  private start(): Promise<LatestBody> {
    const running = this.refresh().finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }

  private async refresh(): Promise<LatestBody> {
    const through = this.cursor();
    const full = this.position < 0 || this.now() - this.readAt >= FULL_READ_MS;
    let read = await this.read(full ? undefined : this.position);
    // Changes that may have been pruned before we saw them, a log that went back (the namespace was made
    // again), or a new symbol (its place in the database's order is the database's to say): read it all.
    const whole =
      full ||
      read.prunedThrough > this.position ||
      read.position < this.position ||
      read.rows.some((row) => !this.rows.has(row.symbol));
    if (whole) {
      if (!full) read = await this.read();
      this.rows = new Map(read.rows.map((row) => [row.symbol, JSON.stringify(row)]));
      this.readAt = this.now();
    } else {
      for (const row of read.rows) this.rows.set(row.symbol, JSON.stringify(row));
    }
    this.position = read.position;
    this.readThrough = through;
    if (!this.body || whole || read.rows.length > 0) this.body = serialize([...this.rows.values()]);
    return this.body;
  }
}

function serialize(rows: string[]): LatestBody {
  const json = Buffer.from(`{"items":[${rows.join(',')}]}`);
  let gzipped: Promise<Buffer> | undefined;
  return {
    json,
    etag: `"${createHash('sha1').update(json).digest('base64url')}"`,
    gzipped: () => (gzipped ??= gzipAsync(json)),
  };
}
