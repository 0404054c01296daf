// Property-based fuzzing of every operation in the API's own OpenAPI document (read at run time, so routes
// added later are covered), against the real app: its plugins, PostgreSQL (a namespace holding normal rows and
// rows with NaN, ±Infinity, negative, huge values and out-of-range times) and Flink's REST API.
//
// Requests mix values drawn from each parameter's schema with hostile ones (empty, huge, negative, year 0000
// and 99999, garbage, unicode, NUL, percent-encoding errors, repeated parameters, very long strings, forged
// cursors) and random extra parameters. The API must never answer 5xx (except a status the route documents
// on purpose, such as readiness's 503), and every 4xx must carry a JSON message.
//
// Job control routes are fuzzed without the token (expect 401), and with it only where nothing can change:
// this namespace runs no jobs, so stop and cancel answer 409, and submit is only ever given names that are
// not in the catalog. The test checks at the end that no job of the namespace exists.
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import {
  createNamespace,
  insertAlert,
  insertBar,
  insertWindow,
  sql,
  testConfig,
  TOKEN,
  uniqueNamespace,
} from './helper.ts';

const config = testConfig(uniqueNamespace('api_fuzz'));
const MIN_REQUESTS = 3_000;
const T0 = Date.parse('2026-01-01T10:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();

interface Schema {
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: Schema;
}
interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  secured: boolean;
  eventStream: boolean;
  /** Statuses >= 500 the route documents on purpose (not the generic 500). */
  documented5xx: Set<number>;
}

/** A parameter value: `raw` ones go into the URL as they are (broken percent-encoding, separators). */
interface Value {
  text: string;
  raw: boolean;
}
type Auth = 'none' | 'wrong' | 'valid';
interface FuzzRequest {
  pathValues: Record<string, Value>;
  query: [string, Value][];
  headers: Record<string, string>;
  auth: Auth;
  body: { payload: string; contentType: string } | undefined;
}

const plain = (text: string): Value => ({ text, raw: false });

const HOSTILE: string[] = [
  '',
  ' ',
  '0',
  '-1',
  '-0',
  '1.5',
  '1e309',
  '-1e309',
  '9'.repeat(400),
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '9999-12-31T23:00:00-05:00',
  '99999-01-01T00:00:00Z',
  '+010000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T23:59:60Z',
  '2026-01-01t10:00:00z',
  '2026-01-01 10:00:00Z',
  '2026-01-01T10:00:00+25:00',
  '2026-01-01T10:00:00',
  '2026-01-01',
  'yesterday',
  '\u0000',
  'AA\u0000PL',
  '\u0000\u0000\u0000',
  "' OR 1=1 --",
  '"; DROP TABLE spread_metrics; --',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '😀',
  'Ωmega',
  '\u202e',
  '\ufeff',
  '\ud800',
  'x'.repeat(1_000),
  'x'.repeat(20_000),
  'spread-metrics',
  'AAPL',
  'window',
];
const RAW: string[] = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AF',
  '%FF',
  '&',
  '=',
  '&&==',
  '+',
  '%2F..%2F',
  ';',
  '%00',
];
const NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'limit[]',
  'a[b]',
  '',
  ' ',
  'x'.repeat(300),
];

/** encodeURIComponent refuses lone surrogates: those go in as the bytes of invalid UTF-8. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/** RFC 3339 with a Z or, as often, one of a few offsets. */
const rfc3339 = (instant: fc.Arbitrary<number>): fc.Arbitrary<string> =>
  fc.tuple(instant, fc.constantFrom(0, 0, 0, 60, -300, 330, 14 * 60, -12 * 60)).map(([ms, offset]) => {
    if (offset === 0) return iso(ms);
    const local = new Date(ms + offset * 60_000).toISOString().slice(0, -1);
    const sign = offset < 0 ? '-' : '+';
    const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    return `${local}${sign}${hours}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  });
/** A time near the test data. */
const dataTime = rfc3339(fc.integer({ min: T0 - 2 * 3_600_000, max: T0 + 2 * 3_600_000 }));
/** A time near the test data or anywhere in 1970..9999 (offsets may push it past either end). */
const dateTime = fc.oneof(
  dataTime,
  rfc3339(fc.integer({ min: 0, max: Date.parse('9999-12-31T23:59:59.999Z') })),
);

/** A value the schema accepts (bar cross-field rules such as from < to). */
function fromSchema(schema: Schema, time = dateTime): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...schema.enum.map(String));
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((branch) => fromSchema(branch, time)));
  if (schema.type === 'array' && schema.items) return fromSchema(schema.items, time);
  if (schema.type === 'integer')
    return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 }).map(String);
  if (schema.type === 'number')
    return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true }).map(String);
  if (schema.type === 'boolean') return fc.constantFrom('true', 'false');
  if (schema.format === 'date-time') return time;
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

/** base64url JSON arrays, the shape of this API's page cursors, holding values that must not reach SQL as-is. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  {
    // What PostgreSQL refuses: NUL in text, dates it cannot hold, integers past int4 or int8.
    arbitrary: fc.constantFrom(
      '\u0000',
      'a\u0000b',
      '0000-01-01T00:00:00.000Z',
      '2026-02-30T00:00:00.000Z',
      '+010000-01-01T00:00:00.000Z',
      '-000001-01-01T00:00:00.000Z',
      2 ** 31,
      -(2 ** 31) - 1,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      2 ** 63,
      1e308,
    ),
    weight: 6,
  },
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 1 },
  { arbitrary: dateTime, weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.oneof(fc.integer(), fc.double()), weight: 1 },
  { arbitrary: fc.constantFrom(null, -1, 0, '', 'AAPL', 'spread-metrics', 'crossed_market'), weight: 1 },
);
const toCursor = (parts: unknown[]): string => Buffer.from(JSON.stringify(parts)).toString('base64url');

describe(`every OpenAPI operation under fuzzing (namespace ${config.schema})`, () => {
  let app: FastifyInstance;
  let dropNamespace: () => Promise<void>;
  const serverErrors: string[] = [];

  beforeAll(async () => {
    dropNamespace = await createNamespace(config);
    for (let n = 0; n < 20; n++) {
      await insertWindow(config, 'AAPL', iso(T0 + n * 60_000), 2 + (n % 5), n / 20);
      await insertWindow(config, 'MSFT', iso(T0 + n * 60_000), 4 + n, 0.3);
      await insertBar(config, 'AAPL', iso(T0 + n * 1000), 2 + n / 10);
    }
    await insertAlert(config, 'AAPL', iso(T0 + 2 * 60_000), 'optimal_window');
    await insertAlert(config, 'MSFT', iso(T0 + 4 * 60_000), 'spread_anomaly');
    await insertAlert(config, 'MSFT', iso(T0 + 5 * 60_000), 'liquidity_crisis');
    // Rows no job should write, but a table can hold.
    const nonFinite = ['NaN', 'Infinity', '-Infinity', '-5', '1e308'];
    for (const [index, value] of nonFinite.entries()) {
      const symbol = `BAD${index}`;
      await sql(
        config,
        `INSERT INTO spread_metrics (symbol, window_start, window_end, quote_count, trade_count, avg_spread_bps,
           min_spread_bps, max_spread_bps, std_spread_bps, liquidity_score, quote_to_trade_ratio,
           order_imbalance, volume, vwap, avg_stress, avg_effective_spread_bps, spread_anomaly, is_optimal)
         VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', ($2::timestamptz + interval '1 minute') AT TIME ZONE 'UTC',
           9223372036854775807, 0, $3, $3, $3, $3, $3, $3, $3, -1, $3, $3, $3, true, false)`,
        [symbol, iso(T0 + 19 * 60_000), value],
      );
      await sql(
        config,
        `INSERT INTO spread_bars_1s (symbol, bar_start, bar_end, quote_count, avg_spread_bps, min_spread_bps,
           max_spread_bps, last_mid)
         VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', ($2::timestamptz + interval '1 second') AT TIME ZONE 'UTC',
           1, $3, $3, $3, $3)`,
        [symbol, iso(T0 + 5_000), value],
      );
      await sql(
        config,
        `INSERT INTO spread_alerts (symbol, window_start, window_end, alert_type, avg_spread_bps, max_spread_bps,
           std_spread_bps, order_imbalance, baseline_avg_spread_bps)
         VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', ($2::timestamptz + interval '1 minute') AT TIME ZONE 'UTC',
           'spread_anomaly', $3, $3, $3, $3, $3)`,
        [symbol, iso(T0 + 19 * 60_000), value],
      );
    }
    await sql(
      config,
      `INSERT INTO spread_metrics (symbol, window_start, window_end, quote_count, trade_count, volume,
         spread_anomaly, is_optimal, avg_spread_bps)
       VALUES ('FAR', 'infinity', 'infinity', 1, 1, 1, false, false, 'NaN'),
              ('FAR', '0044-03-15 BC', '10000-01-01', 1, 1, 1, false, false, 3)`,
    );
    // Enough dead letters and late-event counts that their lists hand out page cursors to reuse and forge.
    for (let n = 0; n < 6; n++) {
      await sql(
        config,
        `INSERT INTO rejected_events (kafka_topic, kafka_partition, kafka_offset, kafka_key, raw_value, reason,
           detail, symbol, event_time, window_start, written_at)
         VALUES ('market_events', $1, $2, 'AAPL', '\\x00ff', 'crossed_market', 'bid above ask', 'AAPL',
           $3::timestamptz AT TIME ZONE 'UTC', $3::timestamptz AT TIME ZONE 'UTC', $3::timestamptz)`,
        [n % 2, n, iso(T0 + n * 60_000)],
      );
      await sql(
        config,
        `INSERT INTO late_events (job, kafka_topic, kafka_partition, kafka_offset, symbol, event_time,
           window_start, written_at)
         VALUES ('spread-metrics', 'market_events', 0, $1, $2, $3::timestamptz AT TIME ZONE 'UTC',
           $3::timestamptz AT TIME ZONE 'UTC', $3::timestamptz)`,
        [n, n % 2 === 0 ? 'AAPL' : 'MSFT', iso(T0 + n * 60_000)],
      );
    }
    app = await buildApp(config, {
      logger: {
        level: 'error',
        stream: { write: (line: string) => void serverErrors.push(line.slice(0, 2_000)) },
      },
    });
    // The event stream is read over a real socket: closing it is how a client leaves.
    await app.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await app?.close();
    await dropNamespace?.();
  });

  it(`answers ${MIN_REQUESTS}+ generated requests without a 5xx; every 4xx says why in JSON`, async () => {
    const document = (await app.inject('/docs/json')).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: Parameter[];
            security?: unknown[];
            responses?: Record<string, { content?: Record<string, unknown> }>;
          }
        >
      >;
    };
    const operations: Operation[] = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        secured: (operation.security ?? []).length > 0,
        eventStream: Boolean(operation.responses?.['200']?.content?.['text/event-stream']),
        documented5xx: new Set(
          Object.keys(operation.responses ?? {})
            .map(Number)
            .filter((status) => status > 500),
        ),
      })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(15);

    // Values the data and the cluster know, so requests also reach the handlers' happy paths.
    const catalog = (
      (await app.inject('/api/jobs/catalog')).json() as { items: { job: string }[] }
    ).items.map((entry) => entry.job);
    const clusterJobs = (await (await fetch(`${config.flinkRestUrl}/jobs/overview`)).json()) as {
      jobs: { jid: string }[];
    };
    const known: Record<string, string[]> = {
      symbol: ['AAPL', 'MSFT', 'BAD0', 'BAD1', 'BAD2', 'BAD3', 'BAD4', 'FAR', 'NOPE'],
      jobId: [...clusterJobs.jobs.slice(0, 5).map((job) => job.jid), '0'.repeat(32)],
      name: catalog,
      job: catalog,
      // Small pages, so that lists hand out cursors.
      limit: ['1', '2', '3'],
    };
    // Page cursors an operation hands out, reused (and forged from) by its later requests.
    const cursorsOf = new Map<Operation, string[]>();
    const harvest = (operation: Operation, body: unknown): void => {
      if (typeof body !== 'object' || body === null) return;
      const cursors = cursorsOf.get(operation) ?? [];
      for (const [key, value] of Object.entries(body))
        if (key.startsWith('next') && typeof value === 'string' && cursors.length < 100) cursors.push(value);
      cursorsOf.set(operation, cursors);
    };
    const cursorOf = (operation: Operation, index: number): string => {
      const cursors = cursorsOf.get(operation) ?? [];
      return cursors[index % Math.max(cursors.length, 1)] ?? 'none';
    };
    const harvested = (operation: Operation) => fc.nat().map((index) => cursorOf(operation, index));
    const forged = (operation: Operation) =>
      fc.oneof(
        { arbitrary: fc.array(hostileJson, { maxLength: 4 }).map(toCursor), weight: 1 },
        {
          // A cursor the operation handed out with one part replaced.
          arbitrary: fc.tuple(fc.nat(), fc.nat(), hostileJson).map(([which, part, value]) => {
            try {
              const parts = JSON.parse(Buffer.from(cursorOf(operation, which), 'base64url').toString());
              if (!Array.isArray(parts)) return toCursor([value]);
              parts[part % Math.max(parts.length, 1)] = value;
              return toCursor(parts);
            } catch {
              return toCursor([value]);
            }
          }),
          weight: 3,
        },
      );

    // A plain string parameter may be a page cursor: those get more cursors, handed out or forged.
    const isPlainText = (schema: Schema): boolean =>
      schema.type === 'string' && !schema.format && !schema.pattern && !schema.enum;
    const valueOf = (operation: Operation, parameter: Parameter): fc.Arbitrary<Value> =>
      fc.oneof(
        { arbitrary: fromSchema(parameter.schema).map(plain), weight: 6 },
        { arbitrary: fc.constantFrom(...HOSTILE).map(plain), weight: 3 },
        { arbitrary: fc.constantFrom(...RAW).map((text) => ({ text, raw: true })), weight: 1 },
        { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(plain), weight: 1 },
        { arbitrary: fc.oneof(fc.integer(), fc.double()).map((n) => plain(String(n))), weight: 1 },
        {
          arbitrary: fc.oneof(harvested(operation), forged(operation), forged(operation)).map(plain),
          weight: isPlainText(parameter.schema) ? 8 : 1,
        },
        ...((known[parameter.name] ?? []).length > 0
          ? [{ arbitrary: fc.constantFrom(...known[parameter.name]!).map(plain), weight: 4 }]
          : []),
      );
    const occurrences = (operation: Operation, parameter: Parameter): fc.Arbitrary<Value[]> =>
      fc.oneof(
        { arbitrary: fc.constant<Value[]>([]), weight: parameter.required ? 1 : 3 },
        { arbitrary: valueOf(operation, parameter).map((value) => [value]), weight: 8 },
        {
          arbitrary: fc.array(valueOf(operation, parameter), { minLength: 2, maxLength: 4 }),
          weight: parameter.schema.type === 'array' ? 4 : 1,
        },
      );
    const headerText = fc.oneof(
      fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
      fc.constantFrom('0', '1', '99999999999999999', '9'.repeat(18), '-1', '1e5', ''),
    );

    /** A value the schema accepts, preferably one the data knows; times near the data. */
    const wellFormed = (parameter: Parameter): fc.Arbitrary<Value> => {
      const drawn = fromSchema(parameter.schema, dataTime);
      const pool = known[parameter.name] ?? [];
      return (pool.length > 0 ? fc.oneof(fc.constantFrom(...pool), drawn) : drawn).map(plain);
    };
    /** Every parameter well formed (optional ones sometimes left out) and `from` not after `to`. */
    const wellFormedRequest = (operation: Operation): fc.Arbitrary<FuzzRequest> => {
      const inPath = operation.parameters.filter((parameter) => parameter.in === 'path');
      const inQuery = operation.parameters.filter((parameter) => parameter.in === 'query');
      const occurrences = (parameter: Parameter): fc.Arbitrary<Value[]> => {
        if (parameter.schema.type === 'array')
          return fc.array(wellFormed(parameter), { minLength: parameter.required ? 1 : 0, maxLength: 3 });
        const one = wellFormed(parameter).map((value) => [value]);
        return parameter.required ? one : fc.oneof(one, fc.constant<Value[]>([]));
      };
      return fc.record({
        pathValues: fc.record(
          Object.fromEntries(inPath.map((parameter) => [parameter.name, wellFormed(parameter)])),
        ) as fc.Arbitrary<Record<string, Value>>,
        query: fc.tuple(...inQuery.map(occurrences)).map((lists) => {
          const values = Object.fromEntries(
            inQuery.map((parameter, index) => [parameter.name, lists[index]!]),
          );
          const [from, to] = [values.from?.[0], values.to?.[0]];
          if (from && to && Date.parse(from.text) > Date.parse(to.text))
            [values.from, values.to] = [[to], [from]];
          return Object.entries(values).flatMap(([name, list]) =>
            list.map((value): [string, Value] => [name, value]),
          );
        }),
        headers: fc.constant({}),
        auth: operation.secured ? fc.constantFrom<Auth>('none', 'wrong', 'valid') : fc.constant<Auth>('none'),
        body: fc.constant(undefined),
      });
    };

    const hostileRequest = (operation: Operation): fc.Arbitrary<FuzzRequest> => {
      const inPath = operation.parameters.filter((parameter) => parameter.in === 'path');
      const inQuery = operation.parameters.filter((parameter) => parameter.in === 'query');
      const inHeader = operation.parameters.filter((parameter) => parameter.in === 'header');
      const extraName = fc.oneof(
        fc.constantFrom(...NAMES, ...inQuery.map((parameter) => parameter.name)),
        fc.string({ maxLength: 12 }),
      );
      const extraValue = fc.oneof(
        fc.constantFrom(...HOSTILE).map(plain),
        fc.constantFrom(...RAW).map((text) => ({ text, raw: true })),
        fc.string({ maxLength: 20 }).map(plain),
      );
      return fc.record({
        pathValues: fc.record(
          Object.fromEntries(inPath.map((parameter) => [parameter.name, valueOf(operation, parameter)])),
        ) as fc.Arbitrary<Record<string, Value>>,
        query: fc
          .tuple(
            fc.tuple(
              ...inQuery.map((parameter) =>
                occurrences(operation, parameter).map((values) =>
                  values.map((value): [string, Value] => [parameter.name, value]),
                ),
              ),
            ),
            fc.array(fc.tuple(extraName, extraValue), { maxLength: 3 }),
            fc.boolean(),
          )
          .chain(([declared, extra, shuffle]) => {
            const pairs = [...declared.flat(), ...extra];
            return shuffle ? fc.shuffledSubarray(pairs, { minLength: pairs.length }) : fc.constant(pairs);
          }),
        headers: fc.record(Object.fromEntries(inHeader.map((parameter) => [parameter.name, headerText])), {
          requiredKeys: [],
        }) as fc.Arbitrary<Record<string, string>>,
        auth: operation.secured ? fc.constantFrom<Auth>('none', 'wrong', 'valid') : fc.constant<Auth>('none'),
        body:
          operation.method === 'GET'
            ? fc.constant(undefined)
            : fc.option(
                fc.oneof(
                  fc.json().map((payload) => ({ payload, contentType: 'application/json' })),
                  fc.constantFrom('{"a":', 'not json', '\u0000', '[]'.repeat(5_000)).map((payload) => ({
                    payload,
                    contentType: 'application/json',
                  })),
                  fc.string().map((payload) => ({ payload, contentType: 'text/plain' })),
                  fc.string().map((payload) => ({ payload, contentType: 'application/x-unknown' })),
                ),
                { nil: undefined },
              ),
      });
    };

    const requestOf = (operation: Operation): fc.Arbitrary<FuzzRequest> =>
      fc.oneof(
        { arbitrary: wellFormedRequest(operation), weight: 2 },
        { arbitrary: hostileRequest(operation), weight: 3 },
      );

    // With the token, a request may only name a catalog job where nothing runs to act on (stop, cancel).
    const harmless = (operation: Operation, request: FuzzRequest): FuzzRequest => {
      if (request.auth !== 'valid' || /\/(stop|cancel)$/.test(operation.path)) return request;
      const pathValues = Object.fromEntries(
        Object.entries(request.pathValues).map(([name, value]) => [
          name,
          catalog.includes(value.text) ? plain(`${value.text}-not-in-catalog`) : value,
        ]),
      );
      return { ...request, pathValues };
    };

    const histogram = new Map<string, Map<number, number>>();
    let total = 0;
    const send = async (operation: Operation, request: FuzzRequest) => {
      const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = request.pathValues[name]!;
        return value.raw ? value.text : encode(value.text);
      });
      const query = request.query
        .map(([name, value]) => `${encode(name)}=${value.raw ? value.text : encode(value.text)}`)
        .join('&');
      const headers: Record<string, string> = { ...request.headers };
      if (request.auth === 'valid') headers.authorization = `Bearer ${TOKEN}`;
      if (request.auth === 'wrong') headers.authorization = `Bearer not-${TOKEN}`;
      if (request.body) headers['content-type'] = request.body.contentType;
      const url = query === '' ? path : `${path}?${query}`;
      let status: number;
      let body = '';
      let contentType: string;
      if (operation.eventStream) {
        const abort = new AbortController();
        const address = app.server.address() as AddressInfo;
        const response = await fetch(`http://127.0.0.1:${address.port}${url}`, {
          method: operation.method,
          headers,
          signal: abort.signal,
        });
        status = response.status;
        contentType = response.headers.get('content-type') ?? '';
        if (status === 200) abort.abort();
        else body = await response.text();
      } else {
        const response = await app.inject({
          method: operation.method as 'GET',
          url,
          headers,
          ...(request.body ? { payload: request.body.payload } : {}),
        });
        status = response.statusCode;
        body = response.body;
        contentType = String(response.headers['content-type']);
      }
      total++;
      const counts = histogram.get(`${operation.method} ${operation.path}`) ?? new Map<number, number>();
      counts.set(status, (counts.get(status) ?? 0) + 1);
      histogram.set(`${operation.method} ${operation.path}`, counts);
      return { url, status, body, contentType };
    };

    const runsPerOperation = Math.max(150, Math.ceil((MIN_REQUESTS * 1.1) / operations.length));
    const failures: string[] = [];
    for (const operation of operations) {
      const property = fc.asyncProperty(requestOf(operation), async (generated) => {
        const request = harmless(operation, generated);
        const { url, status, body, contentType } = await send(operation, request);
        const where = `${operation.method} ${url.slice(0, 300)} (auth ${request.auth})`;
        if (status >= 500 && !operation.documented5xx.has(status))
          throw new Error(`${status} for ${where}: ${body.slice(0, 300)}`);
        if (status >= 400 && status < 500) {
          let message: unknown;
          try {
            message = (JSON.parse(body) as { message?: unknown }).message;
          } catch {
            throw new Error(`${status} without a JSON body for ${where}: ${body.slice(0, 300)}`);
          }
          if (typeof message !== 'string' || message === '')
            throw new Error(`${status} without a message for ${where}: ${body.slice(0, 300)}`);
        }
        if (operation.secured && request.auth !== 'valid' && status < 400)
          throw new Error(`${status} without the token for ${where}`);
        if (operation.secured && request.auth === 'valid' && status < 300)
          throw new Error(`job control acted (${status}) for ${where}: ${body.slice(0, 300)}`);
        if (operation.eventStream && status === 200 && !contentType.startsWith('text/event-stream'))
          throw new Error(`event stream answered ${contentType} for ${where}`);
        if (status === 200 && contentType.startsWith('application/json'))
          harvest(operation, JSON.parse(body));
      });
      const details = await fc.check(property, { numRuns: runsPerOperation });
      if (details.failed)
        failures.push(`${operation.method} ${operation.path}: ${fc.defaultReportMessage(details)}`);
    }

    const lines = [...histogram].map(
      ([operation, counts]) =>
        `  ${operation.padEnd(40)} ${[...counts]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}×${count}`)
          .join(' ')}`,
    );
    const overall = new Map<number, number>();
    for (const counts of histogram.values())
      for (const [status, count] of counts) overall.set(status, (overall.get(status) ?? 0) + count);
    console.log(
      `OpenAPI fuzz: ${total} requests over ${operations.length} operations\n${lines.join('\n')}\n  all: ${[
        ...overall,
      ]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(' ')}`,
    );

    expect(
      failures,
      `${failures.join('\n\n')}\n\nserver log:\n${serverErrors.slice(0, 5).join('\n')}`,
    ).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(MIN_REQUESTS);
    // Nothing ran or was left behind: no job in this namespace, no open event stream.
    expect(await app.flinkJobs.list()).toEqual([]);
    await expect.poll(() => app.live.size, { timeout: 5_000 }).toBe(0);
  }, 600_000);
});
