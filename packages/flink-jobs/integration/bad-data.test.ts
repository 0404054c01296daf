// Bad data on the real stack: a valid stream with, in the middle of its partitions, messages that are not
// Avro, name an unknown, unreadable or non-Avro schema, declare a 2 GB string, are cut short, or decode to invalid events (zero, negative,
// NaN and infinite prices, a crossed market, bad sizes, incomplete trades, an unknown event type, a
// poisoned timestamp, a symbol with a NUL), written by a plain Kafka client with hand-made bytes. The jobs
// must keep running without a restart, every window must equal the oracle over the valid events alone, each
// bad message must be in rejected_events with its coordinates, bytes and reason, and events that come after
// their window closed must be counted in late_events without changing any window.
import { JobManagerClient } from '@spreadwatch/flink-client';
import { encodeMarketEvent, type MarketEvent } from '@spreadwatch/market-events';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlinkJobs, loadConfig, type SubmittedJob } from '../src/index.ts';
import { spreadBars, spreadMetrics, WINDOW_MS } from '../src/oracle/spread-oracle.ts';
import { removeNamespace } from '../src/testing/cleanup.ts';
import { compareRows } from '../src/testing/compare.ts';
import { readSinkTables } from '../src/testing/database.ts';
import { waitForCheckpointAfter, waitForWatermark } from '../src/testing/pipeline-state.ts';
import { produceEvents, trailingEvents } from '../src/testing/produce.ts';
import { testStream } from '../src/testing/test-stream.ts';
import { ensureTopics, TOPIC_PARTITIONS } from '../src/topics.ts';

const startTime = Date.UTC(2026, 0, 6, 9, 0, 0);
const minutes = 5;
const maxDelayMs = 1_500;
const watermarkDelayMs = 2_000;
const namespace = `bad_data_${Date.now().toString(36)}`;
const config = { ...loadConfig(), namespace, watermarkDelayMs };

const validStream = testStream({ seed: 20260106, startTime, minutes, maxDelayMs });
const half = Math.floor(validStream.length / 2);
const badTime = startTime + 2 * WINDOW_MS + 10_000;
const quote = (fields: Partial<MarketEvent>): MarketEvent => ({
  symbol: 'AAPL',
  event_time: badTime,
  event_type: 'QUOTE',
  bid: 189.99,
  ask: 190.01,
  bid_size: 300,
  ask_size: 200,
  trade_price: null,
  trade_size: null,
  side: null,
  stress: 0.2,
  sequence: 1_000_000,
  ...fields,
});
const trade = (fields: Partial<MarketEvent>): MarketEvent =>
  quote({ event_type: 'TRADE', trade_price: 190, trade_size: 50, side: 'BUY', ...fields });
// A locked market (ask = bid, a 0 bps spread) is valid and must enter its window and bar.
const lockedQuote = quote({
  symbol: 'MSFT',
  event_time: startTime + 2 * WINDOW_MS + 30_500,
  bid: 410,
  ask: 410,
});
const validEvents = [...validStream.slice(0, half), lockedQuote, ...validStream.slice(half)];

interface BadMessage {
  name: string;
  /** The value bytes, given the market event schema's id and an incompatible schema's id. */
  value: (ids: { marketEvent: number; incompatible: number; jsonSchema: number }) => Buffer | null;
  reason: string;
  /** What rejected_events files it under: the symbol and window of a decodable event. */
  symbol: string | null;
  windowStart: number | null;
}

const wire = (schemaId: number, body: Buffer): Buffer => {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(schemaId, 1);
  return Buffer.concat([header, body]);
};
/** Avro's long encoding: zigzag, then 7 bits a byte, low first. */
const zigzagVarint = (value: number): Buffer => {
  const bytes: number[] = [];
  for (let rest = value * 2; ; rest = Math.floor(rest / 128)) {
    if (rest < 128) return Buffer.from([...bytes, rest]);
    bytes.push((rest % 128) | 0x80);
  }
};
const badWindow = Math.floor(badTime / WINDOW_MS) * WINDOW_MS;
const invalid = (
  name: string,
  event: MarketEvent,
  reason: string,
  symbol: string | null = event.symbol,
): BadMessage => ({
  name,
  value: ({ marketEvent }) => wire(marketEvent, encodeMarketEvent(event)),
  reason,
  symbol,
  windowStart: badWindow,
});
const badMessages: BadMessage[] = [
  {
    name: 'plain text',
    value: () => Buffer.from('this is not avro'),
    reason: 'not_avro',
    symbol: null,
    windowStart: null,
  },
  { name: 'tombstone', value: () => null, reason: 'not_avro', symbol: null, windowStart: null },
  {
    name: 'unknown schema id',
    value: () => wire(987_654_321, encodeMarketEvent(quote({}))),
    reason: 'unknown_schema_id',
    symbol: null,
    windowStart: null,
  },
  {
    name: 'schema the job cannot read',
    value: ({ incompatible }) => wire(incompatible, Buffer.from([0x02, 0x04])),
    reason: 'unreadable_schema',
    symbol: null,
    windowStart: null,
  },
  {
    name: 'JSON Schema id',
    value: ({ jsonSchema }) => wire(jsonSchema, Buffer.from('{"symbol":"AAPL"}')),
    reason: 'unreadable_schema',
    symbol: null,
    windowStart: null,
  },
  {
    // Avro would allocate the declared length before reading it: 2 GB from ten bytes.
    name: 'symbol declaring a length of 2^31 - 9 bytes',
    value: ({ marketEvent }) => wire(marketEvent, zigzagVarint(2 ** 31 - 9)),
    reason: 'malformed_avro',
    symbol: null,
    windowStart: null,
  },
  {
    name: 'truncated record',
    value: ({ marketEvent }) => wire(marketEvent, encodeMarketEvent(quote({})).subarray(0, 12)),
    reason: 'malformed_avro',
    symbol: null,
    windowStart: null,
  },
  invalid('zero mid', quote({ bid: 0, ask: 0 }), 'invalid_price'),
  invalid('crossed market', quote({ bid: 190.05, ask: 190.01 }), 'crossed_market'),
  invalid('negative prices', quote({ bid: -190.01, ask: -189.99 }), 'invalid_price'),
  invalid('NaN bid', quote({ bid: Number.NaN }), 'invalid_price'),
  invalid('infinite ask', quote({ ask: Number.POSITIVE_INFINITY }), 'invalid_price'),
  invalid('zero bid size', quote({ bid_size: 0 }), 'invalid_size'),
  invalid('NaN stress', quote({ stress: Number.NaN }), 'invalid_stress'),
  invalid('unknown event type', quote({ event_type: 'CANCEL' }), 'unknown_event_type'),
  invalid('trade without price', trade({ trade_price: null }), 'invalid_trade_price'),
  invalid('trade with negative size', trade({ trade_size: -50 }), 'invalid_trade_size'),
  invalid('trade without side', trade({ side: null }), 'invalid_side'),
  invalid('symbol with a NUL', quote({ symbol: 'AA\u0000PL' }), 'invalid_symbol', null),
  {
    name: 'event time a day ahead of the clock',
    value: ({ marketEvent }) =>
      wire(marketEvent, encodeMarketEvent(quote({ event_time: Date.now() + 86_400_000 }))),
    reason: 'invalid_event_time',
    symbol: 'AAPL',
    windowStart: null,
  },
];

interface SentMessage extends BadMessage {
  partition: number;
  offset: number;
  bytes: Buffer | null;
}

async function registry<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${config.registryUrl}${path}`, {
    ...init,
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
  });
  if (!response.ok) throw new Error(`registry ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('Flink jobs on bad data', () => {
  const flinkJobs = new FlinkJobs(config);
  const jobManager = new JobManagerClient(config.flinkRestUrl);
  const topic = flinkJobs.namespace.sourceTopic;
  const trailing = trailingEvents(startTime + (minutes + 1) * WINDOW_MS + watermarkDelayMs);
  const finalWatermark = startTime + (minutes + 1) * WINDOW_MS;
  const closed = (windowEnd: number): boolean => windowEnd - 1 <= finalWatermark;
  const oracleInput = [...validEvents, ...trailing.map((item) => item.event)];
  const db = new pg.Client({ connectionString: config.databaseUrl });
  let producer: Producer;
  let submitted: SubmittedJob[] = [];
  const sent: SentMessage[] = [];

  beforeAll(async () => {
    await ensureTopics(config.kafkaBrokers, flinkJobs.namespace);
    const target = { brokers: config.kafkaBrokers, registryUrl: config.registryUrl, topic };
    await produceEvents(target, validEvents.slice(0, half + 1));
    const ids = {
      marketEvent: (await registry<{ id: number }>(`/subjects/${topic}-value/versions/latest`)).id,
      incompatible: (
        await registry<{ id: number }>(`/subjects/${topic}-incompatible-value/versions`, {
          method: 'POST',
          body: JSON.stringify({
            schema: JSON.stringify({
              type: 'record',
              name: 'Other',
              fields: [{ name: 'symbol', type: 'int' }],
            }),
          }),
        })
      ).id,
      jsonSchema: (
        await registry<{ id: number }>(`/subjects/${topic}-json-value/versions`, {
          method: 'POST',
          body: JSON.stringify({
            schemaType: 'JSON',
            schema: JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' }),
          }),
        })
      ).id,
    };
    producer = new Kafka({
      clientId: 'spreadwatch-bad-data-test',
      brokers: config.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    for (const [index, message] of badMessages.entries()) {
      const bytes = message.value(ids);
      const partition = index % TOPIC_PARTITIONS;
      const [meta] = await producer.send({
        topic,
        acks: -1,
        messages: [{ key: 'AAPL', value: bytes, partition }],
      });
      sent.push({ ...message, partition, offset: Number(meta!.baseOffset), bytes });
    }
    await produceEvents(target, [...validEvents.slice(half + 1), ...trailing]);
    await db.connect();
    submitted = await flinkJobs.submit();
    for (const job of submitted) {
      await waitForWatermark(jobManager, job.jobId, finalWatermark);
      await waitForCheckpointAfter(jobManager, job.jobId, Date.now());
    }
  });

  afterAll(async () => {
    await producer?.disconnect();
    await db.end();
    await removeNamespace(flinkJobs);
  });

  it('writes every window and bar exactly as the oracle computes them over the valid events alone', async () => {
    const tables = await readSinkTables(config.databaseUrl, namespace);
    const expectedMetrics = spreadMetrics(oracleInput).filter((row) => closed(row.window_end));
    const expectedBars = spreadBars(oracleInput).filter((bar) => closed(bar.bar_end));
    expect(expectedMetrics.length).toBeGreaterThan(20);
    expect(
      compareRows(tables.metrics as never, expectedMetrics as never, ['symbol', 'window_start']),
    ).toEqual([]);
    expect(compareRows(tables.bars as never, expectedBars as never, ['symbol', 'bar_start'])).toEqual([]);
    const lockedBar = tables.bars.find(
      (bar) => bar.symbol === 'MSFT' && bar.bar_start === Math.floor(lockedQuote.event_time / 1000) * 1000,
    );
    expect(lockedBar?.min_spread_bps).toBe(0);
  });

  it('keeps each bad message in rejected_events with its coordinates, bytes and reason', async () => {
    const { rows } = await db.query<{
      kafka_partition: number;
      kafka_offset: string;
      kafka_key: Buffer | null;
      raw_value: Buffer | null;
      reason: string;
      detail: string;
      symbol: string | null;
      window_start: number | null;
    }>(
      `SELECT kafka_partition, kafka_offset, kafka_key, raw_value, reason, detail, symbol,
              (extract(epoch from window_start) * 1000)::float8 AS window_start
       FROM "${namespace}".rejected_events WHERE kafka_topic = $1`,
      [topic],
    );
    const key = (partition: number, offset: number): string => `${partition}/${offset}`;
    const actual = new Map(rows.map((row) => [key(row.kafka_partition, Number(row.kafka_offset)), row]));
    expect(rows).toHaveLength(badMessages.length);
    for (const message of sent) {
      const row = actual.get(key(message.partition, message.offset));
      expect(row, message.name).toBeDefined();
      expect({
        name: message.name,
        reason: row!.reason,
        symbol: row!.symbol,
        windowStart: row!.window_start,
      }).toEqual({
        name: message.name,
        reason: message.reason,
        symbol: message.symbol,
        windowStart: message.windowStart,
      });
      expect(row!.raw_value?.equals(message.bytes!) ?? message.bytes === null, message.name).toBe(true);
      expect(row!.kafka_key?.toString()).toBe('AAPL');
      expect(row!.detail.length, message.name).toBeGreaterThan(0);
    }
  });

  it('counts the rejects per symbol, window and reason in rejected_event_counts', async () => {
    const { rows } = await db.query<{ reason: string; rejected_count: string }>(
      `SELECT reason, sum(rejected_count)::text AS rejected_count FROM "${namespace}".rejected_event_counts GROUP BY reason`,
    );
    const expected = new Map<string, number>();
    for (const message of badMessages) expected.set(message.reason, (expected.get(message.reason) ?? 0) + 1);
    expect(new Map(rows.map((row) => [row.reason, Number(row.rejected_count)]))).toEqual(expected);
  });

  it('counts events that arrive after their window closed, per job, and leaves the windows as they were', async () => {
    const lateWindow = startTime + WINDOW_MS;
    const late = [
      quote({ event_time: lateWindow + 5_000 }),
      quote({ event_time: lateWindow + 15_000 }),
      trade({ event_time: lateWindow + 20_000 }),
      quote({ event_time: lateWindow + 40_000 }),
      trade({ event_time: lateWindow + 41_000 }),
    ];
    await produceEvents({ brokers: config.kafkaBrokers, registryUrl: config.registryUrl, topic }, late);
    const expected = [
      { job: 'spread-bars-1s', late_count: 3, max_event_time: lateWindow + 40_000 },
      { job: 'spread-metrics', late_count: 5, max_event_time: lateWindow + 41_000 },
    ];
    const read = async (): Promise<unknown[]> =>
      (
        await db.query(
          `SELECT job, late_count::float8 AS late_count, (extract(epoch from max_event_time) * 1000)::float8 AS max_event_time
           FROM "${namespace}".late_event_counts WHERE symbol = 'AAPL' AND window_start = to_timestamp($1 / 1000.0) AT TIME ZONE 'UTC'
           ORDER BY job`,
          [lateWindow],
        )
      ).rows;
    const deadline = Date.now() + 60_000;
    while (JSON.stringify(await read()) !== JSON.stringify(expected) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await read()).toEqual(expected);
    for (const job of submitted) await waitForCheckpointAfter(jobManager, job.jobId, Date.now());
    const tables = await readSinkTables(config.databaseUrl, namespace);
    const expectedMetrics = spreadMetrics(oracleInput).filter((row) => closed(row.window_end));
    expect(
      compareRows(tables.metrics as never, expectedMetrics as never, ['symbol', 'window_start']),
    ).toEqual([]);
  });

  it('kept both jobs running without a single restart', async () => {
    for (const job of submitted) {
      expect((await jobManager.job(job.jobId)).state, job.name).toBe('RUNNING');
      expect(await jobManager.restarts(job.jobId), job.name).toBe(0);
    }
  });
});
