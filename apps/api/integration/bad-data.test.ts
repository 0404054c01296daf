// The read routes over rows no Flink job should write but a table can hold (old rows, a user's own writes):
// NaN and ±Infinity doubles, negative and huge values, times of ±infinity, BC or after 9999. Every route
// answers 200; a value JSON cannot carry is null and named in the row's nonFinite list; finite values,
// however odd, are served as stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createNamespace, sql, testConfig, uniqueNamespace } from './helper.ts';
import { SseReader } from './sse-client.ts';

const config = testConfig(uniqueNamespace('api_bad'));
let dropNamespace: () => Promise<void>;
const T0 = '2026-01-01T10:00:00.000Z';
const minute = (n: number): string => new Date(Date.parse(T0) + n * 60_000).toISOString();
const second = (n: number): string => new Date(Date.parse(T0) + n * 1000).toISOString();
const range = `from=${minute(-10)}&to=${minute(10)}`;
const BIGINT_MAX = '9223372036854775807';

const doubles = {
  avg_spread_bps: 'avgSpreadBps',
  min_spread_bps: 'minSpreadBps',
  max_spread_bps: 'maxSpreadBps',
  std_spread_bps: 'stdSpreadBps',
  liquidity_score: 'liquidityScore',
  quote_to_trade_ratio: 'quoteToTradeRatio',
  order_imbalance: 'orderImbalance',
  vwap: 'vwap',
  avg_stress: 'avgStress',
  avg_effective_spread_bps: 'avgEffectiveSpreadBps',
} as const;
type Double = keyof typeof doubles;
const allDoubles = (value: string) =>
  Object.fromEntries(Object.keys(doubles).map((column) => [column, value])) as Record<Double, string>;

/** A window whose doubles travel as text, so 'NaN' and 'Infinity' reach PostgreSQL as such. */
async function insertWindow(
  symbol: string,
  windowStart: string,
  values: Partial<Record<Double, string>>,
  counts = '1',
): Promise<void> {
  const columns = Object.keys(doubles) as Double[];
  const doubleValues = columns.map((column) => values[column] ?? '1');
  await sql(
    config,
    `INSERT INTO spread_metrics (symbol, window_start, window_end, quote_count, trade_count, volume,
       spread_anomaly, is_optimal, ${columns.join(', ')})
     VALUES ($1, $2::timestamp, $2::timestamp + interval '1 minute', $3::bigint, $3::bigint, $3::bigint,
       false, false, ${columns.map((_, index) => `$${index + 4}::float8`).join(', ')})`,
    [symbol, windowStart, counts, ...doubleValues],
  );
}

const utcWall = (iso: string): string => iso.replace('T', ' ').replace('Z', '');

beforeAll(async () => {
  dropNamespace = await createNamespace(config);
  await insertWindow('NANS', utcWall(T0), allDoubles('NaN'));
  await insertWindow('INFS', utcWall(T0), {
    avg_spread_bps: 'Infinity',
    min_spread_bps: '-Infinity',
    max_spread_bps: 'Infinity',
    std_spread_bps: 'NaN',
    liquidity_score: '0',
    avg_stress: '-Infinity',
    avg_effective_spread_bps: '2.5',
  });
  await insertWindow('NEG', utcWall(T0), {
    avg_spread_bps: '-5',
    min_spread_bps: '-7',
    max_spread_bps: '-1',
    liquidity_score: '-200',
    avg_stress: '0.3',
  });
  await insertWindow(
    'HUGE',
    utcWall(T0),
    { ...allDoubles('1e308'), max_spread_bps: '1.7976931348623157e308', min_spread_bps: '5e-324' },
    BIGINT_MAX,
  );
  await insertWindow('OK', utcWall(T0), { avg_spread_bps: '4', avg_stress: '0.1' });
  // Minutes without a non-finite value: means of huge values must not overflow, negatives count as they are.
  await insertWindow('OK', utcWall(minute(1)), { avg_spread_bps: '4', avg_stress: '0.1' });
  await insertWindow(
    'HUGE',
    utcWall(minute(1)),
    { avg_spread_bps: '1e308', avg_stress: '1e308' },
    BIGINT_MAX,
  );
  await insertWindow('OK', utcWall(minute(2)), { avg_spread_bps: '4', avg_stress: '0.1' });
  await insertWindow('NEG', utcWall(minute(2)), { avg_spread_bps: '-5', avg_stress: '0.3' });
  // Times RFC 3339 cannot carry with four-digit years.
  await insertWindow('FAR', 'infinity', { avg_spread_bps: '3' });
  await insertWindow('ANCIENT', '0044-03-15 12:00:00 BC', { avg_spread_bps: '3' });

  await sql(
    config,
    `INSERT INTO spread_bars_1s (symbol, bar_start, bar_end, quote_count, avg_spread_bps, min_spread_bps,
       max_spread_bps, last_mid)
     VALUES ('NANS', $1::timestamp, $1::timestamp + interval '1 second', 2, 'NaN', '-Infinity', 'Infinity', 'NaN'),
            ('NANS', $1::timestamp + interval '1 second', $1::timestamp + interval '2 second', 2, -3, 1e308, 5, 100)`,
    [utcWall(T0)],
  );
  await sql(
    config,
    `INSERT INTO spread_alerts (symbol, window_start, window_end, alert_type, avg_spread_bps, max_spread_bps,
       std_spread_bps, order_imbalance, baseline_avg_spread_bps)
     VALUES ('NANS', $1::timestamp, $1::timestamp + interval '1 minute', 'spread_anomaly',
             'NaN', 'Infinity', '-Infinity', 0.5, -2),
            ('FAR', '10000-01-01', 'infinity', 'liquidity_crisis', 7, 8, 9, 0.5, 3)`,
    [utcWall(T0)],
  );
});
afterAll(async () => dropNamespace());

interface Row {
  symbol: string;
  nonFinite: string[];
  [field: string]: unknown;
}
const bySymbol = (rows: Row[]): Record<string, Row> =>
  Object.fromEntries(rows.map((row) => [row.symbol, row]));
const sorted = (fields: string[]): string[] => [...fields].sort();

describe(`read routes over non-finite and out-of-range data (namespace ${config.schema})`, () => {
  it('serves the newest windows with nulls where values are not finite, and says which', async () => {
    const app = await build(config);
    const response = await app.inject('/api/metrics/latest');
    expect(response.statusCode).toBe(200);
    const rows = bySymbol(response.json().items);
    expect(Object.keys(rows).sort()).toEqual(['ANCIENT', 'FAR', 'HUGE', 'INFS', 'NANS', 'NEG', 'OK']);

    expect(rows.NANS).toEqual({
      symbol: 'NANS',
      windowStart: T0,
      windowEnd: minute(1),
      quoteCount: 1,
      tradeCount: 1,
      volume: 1,
      spreadAnomaly: false,
      isOptimal: false,
      avgSpreadBps: null,
      minSpreadBps: null,
      maxSpreadBps: null,
      stdSpreadBps: null,
      liquidityScore: null,
      quoteToTradeRatio: null,
      orderImbalance: null,
      vwap: null,
      avgStress: null,
      avgEffectiveSpreadBps: null,
      writtenAt: expect.any(String),
      nonFinite: expect.any(Array),
    });
    expect(sorted(rows.NANS!.nonFinite)).toEqual(sorted(Object.values(doubles)));

    expect(rows.INFS).toMatchObject({
      avgSpreadBps: null,
      minSpreadBps: null,
      maxSpreadBps: null,
      stdSpreadBps: null,
      liquidityScore: 0,
      avgStress: null,
      avgEffectiveSpreadBps: 2.5,
      quoteToTradeRatio: 1,
    });
    expect(sorted(rows.INFS!.nonFinite)).toEqual(
      sorted(['avgSpreadBps', 'minSpreadBps', 'maxSpreadBps', 'stdSpreadBps', 'avgStress']),
    );
    expect(rows.NEG).toMatchObject({
      windowStart: minute(2),
      avgSpreadBps: -5,
      avgStress: 0.3,
      nonFinite: [],
    });
    expect(rows.HUGE).toMatchObject({
      windowStart: minute(1),
      avgSpreadBps: 1e308,
      avgStress: 1e308,
      quoteCount: Number(BIGINT_MAX),
      volume: Number(BIGINT_MAX),
      nonFinite: [],
    });
    // ±infinity and BC fit no RFC 3339 time with a four-digit year: null, like a missing time.
    expect(rows.FAR).toMatchObject({ windowStart: null, windowEnd: null, avgSpreadBps: 3, nonFinite: [] });
    expect(rows.ANCIENT).toMatchObject({ windowStart: null, windowEnd: null, nonFinite: [] });
  });

  it('pages a symbol’s windows and bars with the same rule', async () => {
    const app = await build(config);
    const huge = await app.inject(`/api/symbols/HUGE/metrics?${range}`);
    expect(huge.statusCode).toBe(200);
    expect(huge.json().items).toMatchObject([
      {
        windowStart: T0,
        avgSpreadBps: 1e308,
        maxSpreadBps: 1.7976931348623157e308,
        minSpreadBps: 5e-324,
        nonFinite: [],
      },
      { windowStart: minute(1), avgSpreadBps: 1e308 },
    ]);

    const bars = await app.inject(`/api/symbols/NANS/bars?${range}`);
    expect(bars.statusCode).toBe(200);
    expect(bars.json().items).toMatchObject([
      {
        barStart: T0,
        quoteCount: 2,
        avgSpreadBps: null,
        minSpreadBps: null,
        maxSpreadBps: null,
        lastMid: null,
        nonFinite: ['avgSpreadBps', 'minSpreadBps', 'maxSpreadBps', 'lastMid'],
      },
      { avgSpreadBps: -3, minSpreadBps: 1e308, maxSpreadBps: 5, lastMid: 100, nonFinite: [] },
    ]);
  });

  it('averages the stress series without overflow; a minute with a non-finite value is null', async () => {
    const app = await build(config);
    const response = await app.inject(`/api/stress?${range}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: [
        {
          windowStart: T0,
          avgStress: null,
          avgSpreadBps: null,
          symbols: 5,
          anomalies: 0,
          nonFinite: ['avgStress', 'avgSpreadBps'],
        },
        {
          windowStart: minute(1),
          avgStress: 5e307,
          avgSpreadBps: 5e307,
          symbols: 2,
          anomalies: 0,
          nonFinite: [],
        },
        {
          windowStart: minute(2),
          avgStress: 0.2,
          avgSpreadBps: -0.5,
          symbols: 2,
          anomalies: 0,
          nonFinite: [],
        },
      ],
      nextAfter: null,
    });
  });

  it('draws the heatmap over the windows that have a place in time, naming cells not finite', async () => {
    const app = await build(config);
    const response = await app.inject('/api/overview');
    expect(response.statusCode).toBe(200);
    const heatmap = response.json() as {
      windowStarts: string[];
      symbols: string[];
      values: (number | null)[][];
      nonFinite: [number, number][];
    };
    expect(heatmap.windowStarts).toEqual([T0, minute(1), minute(2)]);
    expect(heatmap.symbols).toEqual(['HUGE', 'INFS', 'NANS', 'NEG', 'OK']);
    const row = (symbol: string) => heatmap.values[heatmap.symbols.indexOf(symbol)];
    expect(row('NANS')).toEqual([null, null, null]);
    expect(row('INFS')![0]).toBeNull();
    expect(row('NEG')![2]).toBe(-5);
    const [nans, infs] = [heatmap.symbols.indexOf('NANS'), heatmap.symbols.indexOf('INFS')];
    expect(heatmap.nonFinite).toEqual(
      expect.arrayContaining([
        [nans, 0],
        [infs, 0],
      ]),
    );
    expect(heatmap.nonFinite).toHaveLength(2);

    const liquidity = (await app.inject('/api/overview?metric=liquidityScore')).json();
    expect(liquidity.values[liquidity.symbols.indexOf('INFS')][0]).toBe(0);
    const stress = (await app.inject('/api/overview?metric=avgStress')).json();
    expect(stress.values[stress.symbols.indexOf('NEG')][2]).toBe(0.3);
  });

  it('lists alerts, and the symbols, whatever their values and times', async () => {
    const app = await build(config);
    const first = await app.inject(`/api/alerts?since=${minute(-10)}&limit=1`);
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toEqual([
      {
        symbol: 'NANS',
        windowStart: T0,
        windowEnd: minute(1),
        alertType: 'spread_anomaly',
        avgSpreadBps: null,
        maxSpreadBps: null,
        stdSpreadBps: null,
        orderImbalance: 0.5,
        baselineAvgSpreadBps: -2,
        writtenAt: expect.any(String),
        nonFinite: ['avgSpreadBps', 'maxSpreadBps', 'stdSpreadBps'],
      },
    ]);
    const nextPage = await app.inject(`/api/alerts?since=${minute(-10)}&limit=1&cursor=${first.json().next}`);
    expect(nextPage.statusCode).toBe(200);
    expect(nextPage.json()).toMatchObject({
      items: [{ symbol: 'FAR', windowStart: null, windowEnd: null, avgSpreadBps: 7, nonFinite: [] }],
      next: null,
    });

    const symbols = await app.inject('/api/symbols');
    expect(symbols.statusCode).toBe(200);
    expect(bySymbol(symbols.json().items)).toMatchObject({
      FAR: { lastWindowStart: null, lastBarStart: null },
      NANS: { lastWindowStart: T0, lastBarStart: second(1) },
    });
  });

  it('replays the rows to a live client with the same nulls', async () => {
    const app = await build(config);
    const response = await app.inject({
      url: '/api/live?types=window&types=bar',
      headers: { 'last-event-id': '0' },
      payloadAsStream: true,
    });
    expect(response.statusCode).toBe(200);
    const reader = new SseReader(response.stream());
    try {
      const replayed = await reader.until((message) => message.event === 'message' && message.data === '');
      const windows = replayed
        .filter((message) => message.event === 'window')
        .map((message) => JSON.parse(message.data) as Row);
      expect(windows).toHaveLength(11);
      const nans = windows.find((row) => row.symbol === 'NANS')!;
      expect(nans).toMatchObject({ avgSpreadBps: null, vwap: null, windowStart: T0 });
      expect(sorted(nans.nonFinite)).toEqual(sorted(Object.values(doubles)));
      const bars = replayed
        .filter((message) => message.event === 'bar')
        .map((message) => JSON.parse(message.data) as Row);
      expect(bars.find((bar) => bar.barStart === T0)).toMatchObject({
        lastMid: null,
        nonFinite: ['avgSpreadBps', 'minSpreadBps', 'maxSpreadBps', 'lastMid'],
      });
      expect(bars.find((bar) => bar.barStart === second(1))).toMatchObject({ lastMid: 100, nonFinite: [] });
    } finally {
      reader.close();
    }
  });

  it('answers dates before 1970 or after 9999 with 400 naming the parameter', async () => {
    const app = await build(config);
    const cases: [string, RegExp][] = [
      [
        `/api/stress?from=0000-01-01T00:00:00Z&to=${T0}`,
        /^from is outside 1970-01-01T00:00:00.000Z \.\. 9999/,
      ],
      [`/api/stress?from=${T0}&to=9999-12-31T23:00:00-05:00`, /^to is outside/],
      [`/api/symbols/OK/metrics?from=1969-12-31T23:59:59Z&to=${T0}`, /^from is outside/],
      [`/api/symbols/OK/bars?${range}&after=1900-01-01T00:00:00Z`, /^after is outside/],
      [`/api/alerts?since=0001-01-01T00:00:00Z`, /^since is outside/],
      [`/api/stress?from=${T0}&to=99999-01-01T00:00:00Z`, /to must match format "date-time"/],
    ];
    for (const [url, message] of cases) {
      const response = await app.inject(url);
      expect([url, response.statusCode]).toEqual([url, 400]);
      expect(response.json()).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.stringMatching(message),
      });
    }
  });
});
