// The data-quality routes (rejected events, dead letters, late events, late events on the jobs list) against
// real PostgreSQL and Flink. In production the Flink jobs write rejected_events and late_events; here the
// rows are inserted directly, with known times and bytes, so the API's reading is what is under test.
import { SqlGatewaySession } from '@spreadwatch/flink-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createNamespace, sql, testConfig, uniqueNamespace } from './helper.ts';

const config = testConfig(uniqueNamespace('api_rejects'));
let dropNamespace: () => Promise<void>;
const T0 = '2026-01-01T10:00:00.000Z';
const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const topic = `market_events.${config.schema}`;

interface Rejected {
  partition: number;
  offset: number;
  reason: string;
  symbol: string | null;
  windowStart: string | null;
  writtenAt: string;
  key: Buffer | null;
  value: Buffer | null;
}

const text = (value: string): Buffer => Buffer.from(value, 'utf8');
const row = (
  ...fields: [number, number, string, string | null, string | null, string, Buffer | null, Buffer | null]
): Rejected => {
  const [partition, offset, reason, symbol, windowStart, writtenAt, key, value] = fields;
  return { partition, offset, reason, symbol, windowStart, writtenAt, key, value };
};
// partition, offset, reason, symbol, window start, written at, key, value
const rejected: Rejected[] = [
  // Before the range.
  row(0, 1, 'invalid_size', 'AAPL', at(-120), at(-60), text('AAPL'), text('a')),
  // One microsecond apart: newest first, whatever their offsets say.
  row(0, 10, 'crossed_market', 'AAPL', T0, '2026-01-01T10:01:11.000001Z', text('AAPL'), text('b')),
  row(0, 11, 'crossed_market', 'AAPL', T0, at(71), text('AAPL'), text('c')),
  row(1, 5, 'invalid_price', 'MSFT', T0, at(72), text('MSFT'), text('d')),
  row(1, 6, 'invalid_price', 'MSFT', at(60), at(130), text('MSFT'), text('e')),
  // Undecodable, written in one batch (the same written_at).
  row(2, 0, 'not_avro', null, null, at(75), Buffer.from([0xff, 0x00, 0x01]), Buffer.from([0, 0, 0, 0, 99])),
  row(2, 1, 'not_avro', null, null, at(75), null, text('garbage')),
  row(2, 2, 'not_avro', null, null, at(75), null, null),
  // An empty symbol is not an undecodable message.
  row(3, 0, 'invalid_symbol', '', null, at(78), Buffer.alloc(0), text('x')),
  // After the range; an offset beyond 32 bits.
  row(0, 5_000_000_000, 'crossed_market', 'AAPL', at(60), at(600), text('AAPL'), text('f')),
];

const late = [
  { job: 'spread-metrics', symbol: 'AAPL', windowStart: T0, lateCount: 3, writtenAt: at(70) },
  { job: 'spread-metrics', symbol: 'MSFT', windowStart: T0, lateCount: 1, writtenAt: at(71) },
  { job: 'spread-bars-1s', symbol: 'AAPL', windowStart: T0, lateCount: 40, writtenAt: at(65) },
  { job: 'spread-bars-1s', symbol: 'AAPL', windowStart: at(60), lateCount: 25, writtenAt: at(125) },
  { job: 'spread-metrics', symbol: 'AAPL', windowStart: at(600), lateCount: 2, writtenAt: at(660) },
];

beforeAll(async () => {
  dropNamespace = await createNamespace(config);
  for (const reject of rejected) {
    await sql(
      config,
      `INSERT INTO rejected_events (kafka_topic, kafka_partition, kafka_offset, kafka_key, raw_value, reason,
         detail, symbol, event_time, window_start, written_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ($9::timestamptz + interval '5 seconds') AT TIME ZONE 'UTC',
         $9::timestamptz AT TIME ZONE 'UTC', $10)`,
      [
        topic,
        reject.partition,
        reject.offset,
        reject.key,
        reject.value,
        reject.reason,
        `${reject.reason} at offset ${reject.offset}`,
        reject.symbol,
        reject.windowStart,
        reject.writtenAt,
      ],
    );
  }
  // late_events holds one row per late event; the API reads their counts (late_event_counts).
  for (const [index, count] of late.entries()) {
    await sql(
      config,
      `INSERT INTO late_events (job, kafka_topic, kafka_partition, kafka_offset, symbol, event_time, window_start, written_at)
       SELECT $1, 'market_events', 0, $6::bigint + n, $2, ($3::timestamptz + interval '58 seconds') AT TIME ZONE 'UTC',
              $3::timestamptz AT TIME ZONE 'UTC', $5
       FROM generate_series(1, $4::int) AS n`,
      [count.job, count.symbol, count.windowStart, count.lateCount, count.writtenAt, index * 1_000_000],
    );
  }
});
afterAll(async () => dropNamespace());

const range = `from=${T0}&to=${at(300)}`;

interface CountsPage {
  items: { symbol: string | null; windowStart: string | null; reason: string }[];
  totals: { reason: string; count: number }[];
  next: string | null;
}
interface DeadLettersPage {
  items: {
    partition: number;
    offset: number;
    key: string | null;
    keyText: string | null;
    value: string | null;
  }[];
  next: string | null;
}

describe(`data-quality routes (namespace ${config.schema})`, () => {
  it('counts the rejects written in a range per window, symbol and reason, undecodable ones first', async () => {
    const app = await build(config);
    const response = await app.inject(`/api/rejects?${range}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: [
        { symbol: null, windowStart: null, reason: 'not_avro', count: 3, lastWrittenAt: at(75) },
        { symbol: '', windowStart: null, reason: 'invalid_symbol', count: 1, lastWrittenAt: at(78) },
        { symbol: 'AAPL', windowStart: T0, reason: 'crossed_market', count: 2, lastWrittenAt: at(71) },
        { symbol: 'MSFT', windowStart: T0, reason: 'invalid_price', count: 1, lastWrittenAt: at(72) },
        { symbol: 'MSFT', windowStart: at(60), reason: 'invalid_price', count: 1, lastWrittenAt: at(130) },
      ],
      totals: [
        { reason: 'not_avro', count: 3 },
        { reason: 'crossed_market', count: 2 },
        { reason: 'invalid_price', count: 2 },
        { reason: 'invalid_symbol', count: 1 },
      ],
      next: null,
    });
  });

  it('pages the counts one at a time through null and empty keys, each group once, totals on every page', async () => {
    const app = await build(config);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: CountsPage = (
        await app.inject(`/api/rejects?${range}&limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      expect(page.totals.map((total) => total.count)).toEqual([3, 2, 2, 1]);
      for (const item of page.items) seen.push(`${item.windowStart}|${item.symbol}|${item.reason}`);
      cursor = page.next;
      expect(seen.length).toBeLessThanOrEqual(5);
    }
    expect(seen).toEqual([
      'null|null|not_avro',
      'null||invalid_symbol',
      `${T0}|AAPL|crossed_market`,
      `${T0}|MSFT|invalid_price`,
      `${at(60)}|MSFT|invalid_price`,
    ]);
  });

  it('filters the counts by symbol and reason, and bounds the range by written time, end excluded', async () => {
    const app = await build(config);
    const msft = (await app.inject(`/api/rejects?${range}&symbol=MSFT`)).json();
    expect(msft.items.map((item: { count: number }) => item.count)).toEqual([1, 1]);
    expect(msft.totals).toEqual([{ reason: 'invalid_price', count: 2 }]);
    const undecodable = (await app.inject(`/api/rejects?${range}&reason=not_avro`)).json();
    expect(undecodable.items).toEqual([
      { symbol: null, windowStart: null, reason: 'not_avro', count: 3, lastWrittenAt: at(75) },
    ]);
    // From included, to excluded (times are read to the millisecond).
    const totals = async (to: string) =>
      (await app.inject(`/api/rejects?from=${at(-60)}&to=${to}`)).json().totals;
    expect(await totals(at(71))).toEqual([{ reason: 'invalid_size', count: 1 }]);
    expect(await totals('2026-01-01T10:01:11.001Z')).toEqual([
      { reason: 'crossed_market', count: 2 },
      { reason: 'invalid_size', count: 1 },
    ]);
  });

  it('lists the newest dead letters with their coordinates and bytes, paged without losing ties', async () => {
    const app = await build(config);
    const coordinates: string[] = [];
    let before: string | null = '';
    while (before !== null) {
      const page: DeadLettersPage = (
        await app.inject(`/api/rejects/events?limit=4${before ? `&before=${before}` : ''}`)
      ).json();
      for (const item of page.items) coordinates.push(`${item.partition}/${item.offset}`);
      before = page.next;
      expect(coordinates.length).toBeLessThanOrEqual(rejected.length);
    }
    expect(coordinates).toEqual([
      '0/5000000000',
      '1/6',
      '3/0',
      '2/2',
      '2/1',
      '2/0',
      '1/5',
      '0/10',
      '0/11',
      '0/1',
    ]);

    const { items }: DeadLettersPage = (await app.inject('/api/rejects/events?limit=10')).json();
    const binary = items.find((item) => item.partition === 2 && item.offset === 0);
    expect(binary).toEqual({
      topic,
      partition: 2,
      offset: 0,
      key: '/wAB',
      keyText: null,
      value: 'AAAAAGM=',
      reason: 'not_avro',
      detail: 'not_avro at offset 0',
      symbol: null,
      eventTime: null,
      windowStart: null,
      writtenAt: at(75),
    });
    expect(items[0]).toMatchObject({
      key: 'QUFQTA==',
      keyText: 'AAPL',
      symbol: 'AAPL',
      eventTime: at(65),
      windowStart: at(60),
    });
    // Every stored byte comes back.
    for (const reject of rejected) {
      const item = items.find(
        (candidate) => candidate.partition === reject.partition && candidate.offset === reject.offset,
      );
      expect(item, `${reject.partition}/${reject.offset}`).toBeDefined();
      expect(item?.key == null ? null : Buffer.from(item.key, 'base64')).toEqual(reject.key);
      expect(item?.value == null ? null : Buffer.from(item.value, 'base64')).toEqual(reject.value);
    }
    expect(items.find((item) => item.partition === 3)?.keyText).toBe('');

    const crossed = (await app.inject('/api/rejects/events?reason=crossed_market')).json();
    expect(crossed.items.map((item: { offset: number }) => item.offset)).toEqual([5_000_000_000, 10, 11]);
    expect(crossed.next).toBeNull();
  });

  it('counts late events per job, symbol and window in a range of window starts, with totals per job', async () => {
    const app = await build(config);
    const first = (await app.inject(`/api/late-events?${range}&limit=3`)).json();
    expect(first.items).toEqual([
      {
        job: 'spread-bars-1s',
        symbol: 'AAPL',
        windowStart: T0,
        lateCount: 40,
        maxEventTime: at(58),
        writtenAt: at(65),
      },
      {
        job: 'spread-metrics',
        symbol: 'AAPL',
        windowStart: T0,
        lateCount: 3,
        maxEventTime: at(58),
        writtenAt: at(70),
      },
      {
        job: 'spread-metrics',
        symbol: 'MSFT',
        windowStart: T0,
        lateCount: 1,
        maxEventTime: at(58),
        writtenAt: at(71),
      },
    ]);
    expect(first.totals).toEqual([
      { job: 'spread-bars-1s', count: 65, lastWrittenAt: at(125) },
      { job: 'spread-metrics', count: 4, lastWrittenAt: at(71) },
    ]);
    const second = (await app.inject(`/api/late-events?${range}&limit=3&cursor=${first.next}`)).json();
    expect(second.items.map((item: { lateCount: number }) => item.lateCount)).toEqual([25]);
    expect(second.next).toBeNull();

    const one = (await app.inject(`/api/late-events?${range}&job=spread-metrics&symbol=AAPL`)).json();
    expect(one.items.map((item: { lateCount: number }) => item.lateCount)).toEqual([3]);
    expect(one.totals).toEqual([{ job: 'spread-metrics', count: 3, lastWrittenAt: at(70) }]);
  });

  it("shows each listed job's late events, all windows, by its catalog name", async () => {
    // A bounded job under the catalog name of the bars job: the jobs list matches jobs by name only.
    const barsJob = `spreadwatch-${config.schema}-spread-bars-1s`;
    const session = new SqlGatewaySession({ url: config.flinkJobs.sqlGatewayUrl });
    let jobId: string | undefined;
    try {
      await session.execute(
        `CREATE TEMPORARY TABLE one_row (x INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')`,
      );
      await session.execute(`CREATE TEMPORARY TABLE nowhere (x INT) WITH ('connector' = 'blackhole')`);
      jobId = (
        await session.execute('INSERT INTO nowhere SELECT x FROM one_row', { 'pipeline.name': barsJob })
      ).jobId;
    } finally {
      await session.close();
    }
    const app = await build(config);
    const listed = (await app.inject('/api/jobs')).json().items;
    expect(listed).toEqual([
      expect.objectContaining({
        id: jobId,
        name: barsJob,
        lateEvents: { count: 65, lastWrittenAt: at(125) },
      }),
    ]);
    expect((await app.inject(`/api/jobs/${jobId}`)).json().lateEvents).toEqual({
      count: 65,
      lastWrittenAt: at(125),
    });
  });

  it('answers bad parameters with 400 and a message saying what was wrong', async () => {
    const app = await build(config);
    const cases: [string, RegExp][] = [
      [`/api/rejects?from=${T0}`, /must have required property 'to'/],
      [`/api/rejects?from=${at(60)}&to=${T0}`, /reversed/],
      [`/api/rejects?from=yesterday&to=${T0}`, /from must match format "date-time"/],
      [`/api/rejects?${range}&reason=boom`, /reason must be equal to constant/],
      [`/api/rejects?${range}&cursor=abc`, /cursor is not one this API handed out/],
      [`/api/rejects?${range}&limit=1001`, /limit must be <= 1000/],
      ['/api/rejects/events?limit=201', /limit must be <= 200/],
      ['/api/rejects/events?limit=0', /limit must be >= 1/],
      ['/api/rejects/events?before=abc', /before is not a cursor this API handed out/],
      ['/api/rejects/events?reason=late', /reason must be equal to constant/],
      [`/api/late-events?${range}&job=Bad%20Job`, /job must match pattern/],
      [`/api/late-events?${range}&cursor=abc`, /cursor is not one this API handed out/],
      [`/api/late-events?from=${T0}&to=${T0}`, /empty/],
    ];
    for (const [url, message] of cases) {
      const response = await app.inject(url);
      expect([url, response.statusCode]).toEqual([url, 400]);
      expect(response.json()).toMatchObject({ statusCode: 400, message: expect.stringMatching(message) });
    }
  });
});
