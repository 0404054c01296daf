// GET /api/metrics/latest is served from memory, brought up to date from the live change log: once the live
// stream has read a window written or corrected, every answer holds it. On the real PostgreSQL with the
// change-log triggers.
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, createNamespace, insertWindow, sql, testConfig, uniqueNamespace } from './helper.ts';

const config = testConfig(uniqueNamespace('api_latest'));
let dropNamespace: () => Promise<void>;
const T0 = '2026-03-02T09:00:00.000Z';
const minute = (n: number): string => new Date(Date.parse(T0) + n * 60_000).toISOString();

interface Latest {
  items: { symbol: string; windowStart: string; avgSpreadBps: number | null }[];
}
const summary = (body: Latest): [string, string, number | null][] =>
  body.items.map((row) => [row.symbol, row.windowStart, row.avgSpreadBps]);

/** The JDBC sink's upsert: a correction of a window already written. */
const correct = (symbol: string, windowStart: string, avgSpreadBps: number) =>
  sql(
    config,
    `UPDATE spread_metrics SET avg_spread_bps = $3
     WHERE symbol = $1 AND window_start = $2::timestamptz AT TIME ZONE 'UTC'`,
    [symbol, windowStart, avgSpreadBps],
  );

/** Waits until the app's live stream has read the change log up to its newest change (this file's writes). */
async function streamRead(app: FastifyInstance): Promise<void> {
  const { rows } = await sql(config, 'SELECT max(seq) AS seq FROM live_changes');
  const newest = Number(rows[0].seq);
  await vi.waitFor(() => expect(app.live.cursor).toBeGreaterThanOrEqual(newest), {
    timeout: 10_000,
    interval: 20,
  });
}

beforeAll(async () => {
  dropNamespace = await createNamespace(config);
  for (let n = 0; n < 3; n++) await insertWindow(config, 'MSFT', minute(n), 4 + n);
  await insertWindow(config, 'AAPL', minute(1), 2);
});
afterAll(async () => dropNamespace());

describe(`latest windows (namespace ${config.schema})`, () => {
  it('answers every window written or corrected that the stream has read, from one app kept running', async () => {
    const app = await build(config);
    const get = async (): Promise<Latest> => (await app.inject('/api/metrics/latest')).json();
    expect(summary(await get())).toEqual([
      ['AAPL', minute(1), 2],
      ['MSFT', minute(2), 6],
    ]);

    await insertWindow(config, 'AAPL', minute(2), 3.25);
    await streamRead(app);
    expect(summary(await get())).toEqual([
      ['AAPL', minute(2), 3.25],
      ['MSFT', minute(2), 6],
    ]);

    // A correction of the newest window replaces it; one of an older window changes nothing.
    await correct('MSFT', minute(2), 9.5);
    await correct('AAPL', minute(1), 100);
    await streamRead(app);
    expect(summary(await get())).toEqual([
      ['AAPL', minute(2), 3.25],
      ['MSFT', minute(2), 9.5],
    ]);

    // A late window older than the newest does not take its place.
    await insertWindow(config, 'AAPL', minute(0), 50);
    // A new symbol takes its place in symbol order.
    await insertWindow(config, 'GOOG', minute(5), 1.5);
    await streamRead(app);
    expect(summary(await get())).toEqual([
      ['AAPL', minute(2), 3.25],
      ['GOOG', minute(5), 1.5],
      ['MSFT', minute(2), 9.5],
    ]);
  });

  it('answers requests made together after the stream read a write with that write', async () => {
    const app = await build(config);
    await Promise.all(Array.from({ length: 20 }, () => app.inject('/api/metrics/latest')));
    const inFlight = Array.from({ length: 20 }, () => app.inject('/api/metrics/latest'));
    await insertWindow(config, 'MSFT', minute(7), 12);
    await streamRead(app);
    const after = await Promise.all(Array.from({ length: 50 }, () => app.inject('/api/metrics/latest')));
    await Promise.all(inFlight);
    for (const response of after)
      expect(summary(response.json()).find(([symbol]) => symbol === 'MSFT')).toEqual(['MSFT', minute(7), 12]);
  });

  it('answers 304 to a matching If-None-Match until a window changes, and gzips when asked', async () => {
    const app = await build(config);
    const first = await app.inject('/api/metrics/latest');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');

    const same = await app.inject({ url: '/api/metrics/latest', headers: { 'if-none-match': etag } });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');

    const zipped = await app.inject({ url: '/api/metrics/latest', headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString())).toEqual(first.json());

    await insertWindow(config, 'AAPL', minute(9), 0.75);
    await streamRead(app);
    const changed = await app.inject({ url: '/api/metrics/latest', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(summary(changed.json())[0]).toEqual(['AAPL', minute(9), 0.75]);
  });
});
