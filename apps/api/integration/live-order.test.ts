// The live stream's guarantees on the real stack: every row written or corrected reaches a connected client
// exactly once and in commit order, also when a transaction holds a table lock for seconds and commits after
// transactions that started later; a resumed client gets exactly what it missed; open streams are capped;
// a client that does not read its socket is cut off with a final event instead of growing the server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiConfig } from '../src/config.ts';
import { build, createNamespace, sql, testConfig, uniqueNamespace } from './helper.ts';
import { SseReader, type SseMessage } from './sse-client.ts';

const config = testConfig(uniqueNamespace('api_live_order'));
let dropNamespace: () => Promise<void>;

beforeAll(async () => {
  dropNamespace = await createNamespace(config);
});
afterAll(async () => {
  await dropNamespace();
});

/** A PostgreSQL session of its own in the namespace, ended when the test ends. */
async function session(): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: config.databaseUrl,
    options: `-c search_path=${config.schema}`,
  });
  await client.connect();
  return client;
}

const at = (second: number): string => new Date(Date.UTC(2026, 0, 1, 10, 0, second)).toISOString();

// Upserts as Flink's JDBC sink writes them: a row with an existing key is corrected in place.
const upsertBar = (db: pg.ClientBase, symbol: string, second: number, value: number) =>
  db.query(
    `INSERT INTO spread_bars_1s (symbol, bar_start, bar_end, quote_count, avg_spread_bps, min_spread_bps,
       max_spread_bps, last_mid)
     VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', ($2::timestamptz + interval '1 second') AT TIME ZONE 'UTC',
       1, $3, $3, $3, 100)
     ON CONFLICT (symbol, bar_start) DO UPDATE SET avg_spread_bps = EXCLUDED.avg_spread_bps`,
    [symbol, at(second), value],
  );

const upsertWindow = (db: pg.ClientBase, symbol: string, minute: number, value: number) =>
  db.query(
    `INSERT INTO spread_metrics (symbol, window_start, window_end, quote_count, trade_count, avg_spread_bps,
       min_spread_bps, max_spread_bps, std_spread_bps, liquidity_score, quote_to_trade_ratio, order_imbalance,
       volume, vwap, avg_stress, avg_effective_spread_bps, spread_anomaly, is_optimal)
     VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', ($2::timestamptz + interval '1 minute') AT TIME ZONE 'UTC',
       10, 2, $3, $3, $3, 1, 1, 5, 0, 100, 100, 0.1, $3, false, false)
     ON CONFLICT (symbol, window_start) DO UPDATE SET avg_spread_bps = EXCLUDED.avg_spread_bps`,
    [symbol, at(minute * 60), value],
  );

const upsertAlert = (db: pg.ClientBase, symbol: string, minute: number, value: number) =>
  db.query(
    `INSERT INTO spread_alerts (symbol, window_start, window_end, alert_type, avg_spread_bps, max_spread_bps)
     VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', ($2::timestamptz + interval '1 minute') AT TIME ZONE 'UTC',
       'spread_anomaly', $3, $3)
     ON CONFLICT (symbol, window_start, alert_type) DO UPDATE SET avg_spread_bps = EXCLUDED.avg_spread_bps`,
    [symbol, at(minute * 60), value],
  );

/** One transaction on its own session. */
async function transaction(work: (db: pg.Client) => Promise<unknown>): Promise<void> {
  const db = await session();
  try {
    await db.query('BEGIN');
    await work(db);
    await db.query('COMMIT');
  } finally {
    await db.end();
  }
}

// What the test wrote, named the same way on both sides: kind, symbol, key time and value.
const label = (kind: string, symbol: string, start: string, value: number): string =>
  `${kind} ${symbol} ${start} ${value}`;
const bar = (symbol: string, second: number, value: number) => label('bar', symbol, at(second), value);
const window = (symbol: string, minute: number, value: number) =>
  label('window', symbol, at(minute * 60), value);
const alert = (symbol: string, minute: number, value: number) =>
  label('alert', symbol, at(minute * 60), value);

const isChange = (message: SseMessage): boolean => ['window', 'bar', 'alert'].includes(message.event);

function labelOf(message: SseMessage): string {
  const row = JSON.parse(message.data) as Record<string, unknown>;
  const start = (row.barStart ?? row.windowStart) as string;
  return label(message.event, row.symbol as string, start, row.avgSpreadBps as number);
}

/** The id-only message the stream sends once it has replayed what the client missed. */
const replayed = (message: SseMessage): boolean =>
  message.event === 'message' && message.data === '' && message.id !== undefined;

/**
 * A client over a real connection (closing it closes the server's side, as a browser's would), once the
 * stream has replayed what it missed; the replayed changes stay to be read.
 */
async function connect(app: FastifyInstance, lastEventId?: string, path = '/api/live'): Promise<SseReader> {
  const response = await get(app, path, lastEventId);
  expect(response.statusCode).toBe(200);
  const reader = new SseReader(response);
  await reader.waitFor(replayed, 120_000);
  return reader;
}

async function get(app: FastifyInstance, path: string, lastEventId?: string): Promise<http.IncomingMessage> {
  if (!app.server.listening) await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const headers = lastEventId === undefined ? {} : { 'last-event-id': lastEventId };
  return new Promise((resolve, reject) =>
    http.get({ host: '127.0.0.1', port, path, headers }, resolve).on('error', reject),
  );
}

/** The changes received up to and including `last`, as labels, checking ids rise strictly. */
async function changesUntil(reader: SseReader, last: string, timeoutMs = 60_000): Promise<string[]> {
  const messages = (
    await reader.until((message) => isChange(message) && labelOf(message) === last, timeoutMs)
  ).filter(isChange);
  const ids = messages.map((message) => Number(message.id));
  expect(ids.every((id, index) => index === 0 || id > ids[index - 1]!)).toBe(true);
  return messages.map(labelOf);
}

describe(`live stream order and delivery (namespace ${config.schema})`, () => {
  it('delivers every write and correction once, in commit order, past a transaction that commits 5 s late', async () => {
    const app = await build(config);
    const reader = await connect(app);
    await transaction(async (db) => {
      await upsertBar(db, 'SEED', 0, 1);
      await upsertWindow(db, 'SEED', 0, 1);
    });

    // The late transaction: writes first (so it would draw its numbers first), then holds a lock on the
    // alerts table that a later writer waits for, and commits only after everything else below.
    const late = await session();
    await late.query('BEGIN');
    await upsertWindow(late, 'LATE', 0, 1);
    await upsertBar(late, 'SEED', 0, 2);
    await late.query('LOCK TABLE spread_alerts IN SHARE ROW EXCLUSIVE MODE');
    const lockedAt = Date.now();

    // Four writers, each five transactions in a row: a new bar, and a correction of the writer's window.
    const writers = [1, 2, 3, 4];
    const steps = [0, 1, 2, 3, 4];
    await Promise.all(
      writers.map(async (writer) => {
        for (const step of steps)
          await transaction(async (db) => {
            await upsertBar(db, `W${writer}`, step, step);
            await upsertWindow(db, `W${writer}`, 0, step);
          });
      }),
    );
    // Blocked by the lock: it commits after the late transaction.
    const blocked = transaction((db) => upsertAlert(db, 'BLOCKED', 0, 7));

    // The writers' changes arrive while the late transaction is open: the stream does not wait for it.
    const lastOfWriters = writers.map((writer) => window(`W${writer}`, 0, 4));
    const early: string[] = [];
    while (!lastOfWriters.every((last) => early.includes(last)))
      early.push(
        ...(await reader.until((message) => isChange(message) && lastOfWriters.includes(labelOf(message))))
          .filter(isChange)
          .map(labelOf),
      );
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lockedAt + 5_000 - Date.now())));
    await late.query('COMMIT');
    await late.end();
    await blocked;
    await transaction((db) => upsertBar(db, 'FINAL', 0, 1));
    const received = [...early, ...(await changesUntil(reader, bar('FINAL', 0, 1)))];
    reader.close();

    const expected = [
      bar('SEED', 0, 1),
      window('SEED', 0, 1),
      ...writers.flatMap((writer) =>
        steps.flatMap((step) => [bar(`W${writer}`, step, step), window(`W${writer}`, 0, step)]),
      ),
      window('LATE', 0, 1),
      bar('SEED', 0, 2),
      alert('BLOCKED', 0, 7),
      bar('FINAL', 0, 1),
    ];
    // Exactly once each, nothing else.
    expect([...received].sort()).toEqual([...expected].sort());
    // Commit order, as far as the test knows it: the seed first; each writer's transactions in turn, each
    // in statement order; the late transaction after them all (its numbers were drawn at commit), in
    // statement order; then the writer it blocked; then the last write.
    expect(received.slice(0, 2)).toEqual([bar('SEED', 0, 1), window('SEED', 0, 1)]);
    for (const writer of writers) {
      const own = received.filter((entry) => entry.includes(` W${writer} `));
      expect(own).toEqual(
        steps.flatMap((step) => [bar(`W${writer}`, step, step), window(`W${writer}`, 0, step)]),
      );
    }
    expect(received.slice(-4)).toEqual([
      window('LATE', 0, 1),
      bar('SEED', 0, 2),
      alert('BLOCKED', 0, 7),
      bar('FINAL', 0, 1),
    ]);
  });

  it('gives a resumed client exactly what it missed, from any event id it saw', async () => {
    const app = await build(config);
    const first = await connect(app);
    await transaction((db) => upsertBar(db, 'R', 0, 1));
    expect(await changesUntil(first, bar('R', 0, 1))).toEqual([bar('R', 0, 1)]);
    const resumeFrom = first.lastEventId!;

    // Open before the client leaves, committed after: it belongs to what the client missed.
    const open = await session();
    await open.query('BEGIN');
    await upsertBar(open, 'R', 1, 1);
    first.close();
    await transaction(async (db) => {
      await upsertBar(db, 'R', 0, 2);
      await upsertWindow(db, 'R', 0, 1);
    });
    await open.query('COMMIT');
    await open.end();
    await transaction((db) => upsertAlert(db, 'R', 0, 3));
    const missed = [bar('R', 0, 2), window('R', 0, 1), bar('R', 1, 1), alert('R', 0, 3)];

    const second = await connect(app, resumeFrom);
    expect(await changesUntil(second, alert('R', 0, 3))).toEqual(missed);
    second.close();

    // Resuming from the id of the second missed change: the two after it.
    const third = await connect(app, resumeFrom);
    const [, secondMissed] = (
      await third.until((message) => isChange(message) && labelOf(message) === missed[1])
    ).filter(isChange);
    third.close();
    const fourth = await connect(app, secondMissed!.id);
    await transaction((db) => upsertBar(db, 'R', 2, 1));
    expect(await changesUntil(fourth, bar('R', 2, 1))).toEqual([
      bar('R', 1, 1),
      alert('R', 0, 3),
      bar('R', 2, 1),
    ]);
    fourth.close();

    // A cursor beyond every change (another database's, or the stream's before the change log): a gap,
    // then the changes from now on.
    const fifth = await connect(app, '1764000000000000');
    const reset = await fifth.next((message) => message.event === 'gap');
    expect(JSON.parse(reset.data)).toMatchObject({ fromCursor: '1764000000000000' });
    await transaction((db) => upsertBar(db, 'R', 3, 1));
    expect(await changesUntil(fifth, bar('R', 3, 1))).toEqual([bar('R', 3, 1)]);
    fifth.close();
  });
});

describe(`live change log pruning (namespace ${config.schema})`, () => {
  it('prunes changes past the retention as a prefix, and a client resuming from before gets a gap, then the rest', async () => {
    const app = await build(config);
    const first = await connect(app);
    await transaction((db) => upsertBar(db, 'P', 0, 1));
    await changesUntil(first, bar('P', 0, 1));
    const resumeFrom = first.lastEventId!;
    first.close();
    await transaction((db) => upsertBar(db, 'P', 1, 1));
    await transaction((db) => upsertBar(db, 'P', 2, 1));
    // The first change after the client's cursor is made old; the one after it stays young.
    const { rows } = await sql(
      config,
      `UPDATE live_changes SET changed_at = now() - interval '2 hours'
       WHERE seq <= (SELECT min(seq) FROM live_changes WHERE seq > $1) RETURNING seq`,
      [resumeFrom],
    );
    const oldest = Math.max(...rows.map((row: { seq: string }) => Number(row.seq)));
    expect(await app.changesRepository.prune(3600, 10_000)).toBe(rows.length);
    expect(await app.changesRepository.prune(3600, 10_000)).toBe(0);

    const resumed = await connect(app, resumeFrom);
    const gap = await resumed.next((message) => message.event === 'gap');
    expect(JSON.parse(gap.data)).toEqual({ fromCursor: resumeFrom, toCursor: String(oldest) });
    expect(await changesUntil(resumed, bar('P', 2, 1))).toEqual([bar('P', 2, 1)]);
    resumed.close();
  });
});

describe(`live stream caps (namespace ${config.schema})`, () => {
  it('refuses streams beyond SPREADWATCH_LIVE_MAX_CLIENTS with 503, and takes one again once a client leaves', async () => {
    const app = await build({ ...config, liveMaxClients: 2 } satisfies ApiConfig);
    const first = await connect(app);
    const second = await connect(app);
    const refused = await get(app, '/api/live');
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    const body = await new Promise<string>((resolve) => {
      let text = '';
      refused.setEncoding('utf8');
      refused.on('data', (chunk: string) => (text += chunk));
      refused.on('end', () => resolve(text));
    });
    expect(JSON.parse(body)).toMatchObject({
      statusCode: 503,
      message: expect.stringMatching(/2 live streams/),
    });
    first.close();
    while (app.live.size > 1) await new Promise((resolve) => setTimeout(resolve, 20));
    const third = await connect(app);
    second.close();
    third.close();
  });

  it('cuts off a client that does not read, with a final event, and it resumes without loss', async () => {
    const bufferBytes = 64 * 1024;
    const app = await build({ ...config, liveClientBufferBytes: bufferBytes } satisfies ApiConfig);
    const slow = await connect(app, undefined, '/api/live?types=bar');
    const response = slow.stream;
    // From here the client reads nothing: its socket fills, then the server's buffer for it.
    response.pause();
    // 9,000 bars of about 1.8 KB (a long symbol): 16 MB, more than the machine's socket buffers take,
    // fewer changes than one replay sends.
    const rows = 9_000;
    const symbol = `SLOW${'x'.repeat(1500)}`;
    await sql(
      config,
      `INSERT INTO spread_bars_1s (symbol, bar_start, bar_end, quote_count, avg_spread_bps, min_spread_bps,
         max_spread_bps, last_mid)
       SELECT $2::text, timestamp '2026-01-01 10:00:00' + n * interval '1 second',
              timestamp '2026-01-01 10:00:01' + n * interval '1 second', 1, n, n, n, 100
       FROM generate_series(0, $1 - 1) AS n`,
      [rows, symbol],
    );
    // The server lets go of the client (it is no longer a subscriber) while the client still reads nothing.
    while (app.live.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = new Promise((resolve) => response.on('close', resolve));
    response.resume();
    await closed;
    const seen = slow.take();
    expect(seen.at(-1)?.event).toBe('overflow');
    expect(JSON.parse(seen.at(-1)!.data).message).toMatch(/read too slowly/);
    const firstPart = seen.filter((message) => message.event === 'bar');
    expect(firstPart.length).toBeLessThan(rows);

    // Resuming from the last id it read, it gets the rest: every row once over both connections.
    const resumed = await connect(app, slow.lastEventId);
    const rest = (
      await resumed.until(
        (message) => message.event === 'bar' && labelOf(message) === bar(symbol, rows - 1, rows - 1),
        120_000,
      )
    ).filter(isChange);
    resumed.close();
    const values = [...firstPart, ...rest].map(
      (message) => (JSON.parse(message.data) as { avgSpreadBps: number }).avgSpreadBps,
    );
    expect(values).toEqual(Array.from({ length: rows }, (_, n) => n));
  });
});
