// The read routes against real PostgreSQL, over rows this file inserts into its own namespace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  build,
  createNamespace,
  insertAlert,
  insertBar,
  insertWindow,
  testConfig,
  uniqueNamespace,
} from './helper.ts';

const config = testConfig(uniqueNamespace('api_read'));
let dropNamespace: () => Promise<void>;
const T0 = '2026-01-01T10:00:00.000Z';
const minute = (n: number): string => new Date(Date.parse(T0) + n * 60_000).toISOString();
const second = (n: number): string => new Date(Date.parse(T0) + n * 1000).toISOString();
const range = `from=${T0}&to=${minute(10)}`;

beforeAll(async () => {
  dropNamespace = await createNamespace(config);
  for (let n = 0; n < 5; n++) await insertWindow(config, 'AAPL', minute(n), 2 + n, n / 10);
  for (let n = 0; n < 3; n++) await insertWindow(config, 'MSFT', minute(n), 4 + n * 5, 0.3);
  for (let n = 0; n < 4; n++) await insertBar(config, 'AAPL', second(n), 2 + n / 10);
  await insertBar(config, 'BARONLY', second(0), 9);
  await insertAlert(config, 'MSFT', minute(2), 'spread_anomaly');
  await insertAlert(config, 'AAPL', minute(2), 'optimal_window');
  await insertAlert(config, 'AAPL', minute(4), 'liquidity_crisis');
});
afterAll(async () => dropNamespace());

describe(`read routes (namespace ${config.schema})`, () => {
  it('lists the symbols of windows and bars with their newest times', async () => {
    const app = await build(config);
    const response = await app.inject('/api/symbols');
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      { symbol: 'AAPL', lastWindowStart: minute(4), lastBarStart: second(3) },
      { symbol: 'BARONLY', lastWindowStart: null, lastBarStart: second(0) },
      { symbol: 'MSFT', lastWindowStart: minute(2), lastBarStart: null },
    ]);
  });

  it('pages the windows of a symbol in a range, oldest first', async () => {
    const app = await build(config);
    const first = (await app.inject(`/api/symbols/AAPL/metrics?${range}&limit=3`)).json();
    expect(first.items.map((row: { windowStart: string }) => row.windowStart)).toEqual([
      minute(0),
      minute(1),
      minute(2),
    ]);
    expect(first.items[0]).toMatchObject({
      symbol: 'AAPL',
      windowEnd: minute(1),
      quoteCount: 120,
      avgSpreadBps: 2,
      spreadAnomaly: false,
    });
    expect(first.nextAfter).toBe(minute(2));
    const second = (
      await app.inject(`/api/symbols/AAPL/metrics?${range}&limit=3&after=${first.nextAfter}`)
    ).json();
    expect(second.items.map((row: { windowStart: string }) => row.windowStart)).toEqual([
      minute(3),
      minute(4),
    ]);
    expect(second.nextAfter).toBeNull();
  });

  it('reads a range with any offset and excludes its end', async () => {
    const app = await build(config);
    const response = await app.inject(
      '/api/symbols/AAPL/metrics?from=2026-01-01T11:01:00%2B01:00&to=2026-01-01T10:03:00Z',
    );
    expect(response.json().items.map((row: { windowStart: string }) => row.windowStart)).toEqual([
      minute(1),
      minute(2),
    ]);
  });

  it('answers bad input with 400 or 404 and a message saying what was wrong', async () => {
    const app = await build(config);
    const cases: [string, number, RegExp][] = [
      [`/api/symbols/NOPE/metrics?${range}`, 404, /unknown symbol "NOPE"/],
      [`/api/symbols/AAPL/metrics?from=${minute(5)}&to=${minute(1)}`, 400, /reversed/],
      [`/api/symbols/AAPL/metrics?from=yesterday&to=${minute(1)}`, 400, /from must match format "date-time"/],
      [
        `/api/symbols/AAPL/metrics?from=2026-01-01T10:00:00&to=${minute(1)}`,
        400,
        /from must match format "date-time"/,
      ],
      [`/api/symbols/AAPL/metrics?to=${minute(1)}`, 400, /must have required property 'from'/],
      [`/api/symbols/AAPL/metrics?${range}&limit=1001`, 400, /limit must be <= 1000/],
      [`/api/symbols/AAPL/metrics?${range}&limit=0`, 400, /limit must be >= 1/],
      [`/api/symbols/AAPL/bars?${range}&after=soon`, 400, /after must match format/],
      [`/api/symbols/${'X'.repeat(40)}/bars?${range}`, 400, /params\/symbol must match pattern/],
      [`/api/symbols/NOPE/bars?${range}`, 404, /unknown symbol/],
      [`/api/alerts?since=${T0}&type=boom`, 400, /type must be equal to constant/],
      [`/api/alerts?since=${T0}&cursor=abc`, 400, /cursor is not one this API handed out/],
      [`/api/alerts?since=${T0}&symbol=NOPE`, 404, /unknown symbol/],
      [`/api/stress?from=${minute(3)}&to=${minute(3)}`, 400, /empty/],
      ['/api/overview?windows=500', 400, /windows must be <= 120/],
      ['/api/live?lastEventId=abc', 400, /not a cursor/],
      ['/api/nowhere', 404, /no route GET \/api\/nowhere/],
    ];
    for (const [url, status, message] of cases) {
      const response = await app.inject(url);
      expect([url, response.statusCode]).toEqual([url, status]);
      expect(response.json()).toMatchObject({ statusCode: status, message: expect.stringMatching(message) });
      expect(response.body).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it('gives the newest window of every symbol', async () => {
    const app = await build(config);
    const items = (await app.inject('/api/metrics/latest')).json().items;
    expect(
      items.map((row: { symbol: string; windowStart: string }) => [row.symbol, row.windowStart]),
    ).toEqual([
      ['AAPL', minute(4)],
      ['MSFT', minute(2)],
    ]);
  });

  it('pages the 1-second bars of a symbol', async () => {
    const app = await build(config);
    const page = (await app.inject(`/api/symbols/AAPL/bars?from=${T0}&to=${second(3)}&limit=2`)).json();
    expect(page.items.map((bar: { barStart: string }) => bar.barStart)).toEqual([second(0), second(1)]);
    expect(page.items[0]).toMatchObject({ barEnd: second(1), quoteCount: 2, avgSpreadBps: 2, lastMid: 100 });
    const next = (
      await app.inject(`/api/symbols/AAPL/bars?from=${T0}&to=${second(3)}&limit=2&after=${page.nextAfter}`)
    ).json();
    expect(next).toMatchObject({ items: [{ barStart: second(2) }], nextAfter: null });
  });

  it('lists alerts since a time, by type and symbol, paged in key order', async () => {
    const app = await build(config);
    const all = (await app.inject(`/api/alerts?since=${minute(1)}`)).json();
    expect(
      all.items.map((alert: { symbol: string; alertType: string }) => `${alert.symbol}:${alert.alertType}`),
    ).toEqual(['AAPL:optimal_window', 'MSFT:spread_anomaly', 'AAPL:liquidity_crisis']);
    const crises = (await app.inject(`/api/alerts?since=${T0}&type=liquidity_crisis`)).json().items;
    expect(crises).toMatchObject([
      { symbol: 'AAPL', windowStart: minute(4), windowEnd: minute(5), baselineAvgSpreadBps: 5 },
    ]);
    expect((await app.inject(`/api/alerts?since=${minute(3)}&symbol=MSFT`)).json().items).toEqual([]);
    const first = (await app.inject(`/api/alerts?since=${T0}&limit=2`)).json();
    const rest = (await app.inject(`/api/alerts?since=${T0}&limit=2&cursor=${first.next}`)).json();
    expect([...first.items, ...rest.items]).toEqual(all.items);
    expect(rest.next).toBeNull();
  });

  it('gives the market stress series per window', async () => {
    const app = await build(config);
    const series = (await app.inject(`/api/stress?${range}`)).json();
    expect(series.items).toHaveLength(5);
    expect(series.items[0]).toMatchObject({ windowStart: minute(0), symbols: 2, anomalies: 0 });
    expect(series.items[0].avgStress).toBeCloseTo(0.15);
    expect(series.items[2]).toMatchObject({ windowStart: minute(2), symbols: 2, anomalies: 1 });
  });

  it('gives the heatmap of one metric of every symbol over the recent windows', async () => {
    const app = await build(config);
    const heatmap = (await app.inject('/api/overview?windows=3')).json();
    expect(heatmap).toEqual({
      windowStarts: [minute(2), minute(3), minute(4)],
      symbols: ['AAPL', 'MSFT'],
      values: [
        [4, 5, 6],
        [14, null, null],
      ],
      nonFinite: [],
    });
    const liquidity = (await app.inject('/api/overview?windows=2&metric=liquidityScore')).json();
    // Only symbols with a window among those starts have a row.
    expect(liquidity).toEqual({
      windowStarts: [minute(3), minute(4)],
      symbols: ['AAPL'],
      values: [[1000 / 5, 1000 / 6]],
      nonFinite: [],
    });
    expect((await app.inject('/api/overview?metric=volume')).statusCode).toBe(400);
  });

  it('serves the OpenAPI document with a schema for every route, and the health routes', async () => {
    const app = await build(config);
    const document = (await app.inject('/docs/json')).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/symbols',
        '/api/symbols/{symbol}/metrics',
        '/api/metrics/latest',
        '/api/symbols/{symbol}/bars',
        '/api/alerts',
        '/api/stress',
        '/api/overview',
        '/api/live',
        '/api/jobs',
        '/api/jobs/{jobId}',
        '/api/jobs/catalog/{name}/submit',
        '/healthz',
        '/readyz',
      ]),
    );
    expect(document.paths['/api/symbols/{symbol}/metrics'].get.responses['404']).toBeDefined();
    expect((await app.inject('/docs')).statusCode).toBeLessThan(400);
    expect((await app.inject('/healthz')).json()).toMatchObject({ status: 'ok' });
    // No jobs run in this namespace: its dependencies answer, yet it is not ready (see readiness.test.ts).
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({
      status: 'unavailable',
      checks: { postgres: { ok: true }, flink: { ok: true }, kafka: { ok: true }, jobs: { ok: false } },
    });
  });
});
