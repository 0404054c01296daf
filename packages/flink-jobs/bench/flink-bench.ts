// Benchmark of the Flink jobs on the running stack (`make bench-flink`); prints the numbers, asserts none.
//   tsx packages/flink-jobs/bench/flink-bench.ts [--events N] [--rounds R] [--phase all|ceiling]
// 1. Throughput, source to sink, checkpointing on: N events are put in a bench namespace's topic first, the
//    jobs of flink-sql/ then consume the backlog; events/s = N / (time from the job running to the last
//    window's row being in PostgreSQL).
// 2. Latency: with the jobs caught up, R times a window is closed by events that move every partition's
//    watermark past its end; seconds from sending those events to the window's row being in PostgreSQL.
//    That bounds the watermark-to-row latency from above (it adds the Kafka hop and up to one 200 ms
//    watermark interval). The operators' watermark metrics cannot time it: the JobManager REST serves
//    metrics from a cache refreshed every 10 s (metrics.fetcher.update-interval).
// 3. Ceiling: the same jobs over a datagen source and blackhole sinks (flink-sql/bench), N rows each.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sleep, type JobDetail } from '@spreadwatch/flink-client';
import type { MarketEvent } from '@spreadwatch/market-events';
import pg from 'pg';
import { flinkSqlDir, FlinkJobs, loadConfig } from '../src/index.ts';
import { removeNamespace } from '../src/testing/cleanup.ts';
import { produceEvents, trailingEvents, type PartitionedEvent } from '../src/testing/produce.ts';
import { TOPIC_PARTITIONS } from '../src/topics.ts';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '2000000' },
    rounds: { type: 'string', default: '50' },
    phase: { type: 'string', default: 'all' },
  },
});
const EVENTS = Number(args.events);
const ROUNDS = Number(args.rounds);
const SYMBOLS = 50;
const STEP_MS = 20;
const START_MS = Date.UTC(2026, 0, 5, 14, 0, 0);
const base = loadConfig();
const runId = Date.now().toString(36);

/** Symbols in turn, one event per symbol every STEP_MS of event time, every 5th step of a symbol a trade. */
function* benchStream(windows: { minutes: Set<number>; seconds: Set<number> }): Generator<MarketEvent> {
  for (let i = 0; i < EVENTS; i++) {
    const step = Math.floor(i / SYMBOLS);
    const time = START_MS + step * STEP_MS;
    windows.minutes.add(time - (time % 60_000));
    windows.seconds.add(time - (time % 1000));
    const bid = 99.9 + (i % 97) / 1000;
    const ask = bid + 0.01 + (i % 13) / 100;
    const trade = step % 5 === 0;
    yield {
      symbol: `S${i % SYMBOLS}`,
      event_time: time,
      event_type: trade ? 'TRADE' : 'QUOTE',
      bid,
      ask,
      bid_size: 100 + (i % 1900),
      ask_size: 100 + (i % 1700),
      trade_price: trade ? bid + ((ask - bid) * (i % 3)) / 2 : null,
      trade_size: trade ? 100 + (i % 900) : null,
      side: trade ? (i % 2 === 0 ? 'BUY' : 'SELL') : null,
      stress: ((i % 41) - 20) / 10,
      sequence: step,
    };
  }
}

const quote = (symbol: string, time: number, partition?: number): PartitionedEvent => ({
  ...(partition === undefined ? {} : { partition }),
  event: {
    symbol,
    event_time: time,
    event_type: 'QUOTE',
    bid: 99.99,
    ask: 100.01,
    bid_size: 1,
    ask_size: 1,
    trade_price: null,
    trade_size: null,
    side: null,
    stress: 0,
    sequence: 0,
  },
});
const everyPartition = (symbol: string, time: number): PartitionedEvent[] =>
  Array.from({ length: TOPIC_PARTITIONS }, (_, partition) => quote(symbol, time, partition));

async function count(client: pg.Client, table: string): Promise<number> {
  return Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
}

async function rowExists(
  client: pg.Client,
  table: string,
  column: string,
  symbol: string,
  at: number,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `SELECT 1 FROM ${table} WHERE symbol = $1 AND ${column} = (to_timestamp($2 / 1000.0) AT TIME ZONE 'UTC')`,
    [symbol, at],
  );
  return (rowCount ?? 0) > 0;
}

async function pollUntil(
  check: () => Promise<boolean>,
  intervalMs: number,
  timeoutMs = 60_000,
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error('timed out');
    await sleep(intervalMs);
  }
  return performance.now();
}

const runningSince = (detail: JobDetail): number => detail.timestamps.RUNNING ?? detail['start-time'];
const quantile = (values: number[], q: number): number =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
const fmt = (seconds: number): string => `${seconds.toFixed(3)} s`;

async function pipeline(): Promise<{
  eventsPerSecond: number;
  latencies: { fromSend: number[]; bars: number[] };
}> {
  const jobs = new FlinkJobs({ ...base, namespace: `bench_${runId}` });
  const db = new pg.Client({ connectionString: base.databaseUrl });
  try {
    // Produce the backlog first: then the jobs' rate is not bounded by the producer.
    const windows = { minutes: new Set<number>(), seconds: new Set<number>() };
    const lastTime = START_MS + Math.floor((EVENTS - 1) / SYMBOLS) * STEP_MS;
    const closing = trailingEvents(lastTime + 61_000 + base.watermarkDelayMs);
    const produceStart = performance.now();
    const { sourceTopic } = jobs.namespace;
    await jobs.prepare();
    await produceEvents(
      { brokers: base.kafkaBrokers, registryUrl: base.registryUrl, topic: sourceTopic, batchSize: 20_000 },
      [...benchStream(windows), ...closing],
    );
    console.log(`produced ${EVENTS} events in ${fmt((performance.now() - produceStart) / 1000)}`);

    await db.connect();
    const schema = jobs.namespace.schema;
    const submitted = await jobs.submit();
    const details = await Promise.all(submitted.map((job) => jobs.jobManager.waitUntilRunning(job.jobId)));
    const started = Math.min(...details.map(runningSince));
    const expectedMetrics = windows.minutes.size * SYMBOLS;
    const expectedBars = windows.seconds.size * SYMBOLS;
    await pollUntil(
      async () =>
        (await count(db, `${schema}.spread_metrics`)) >= expectedMetrics &&
        (await count(db, `${schema}.spread_bars_1s`)) >= expectedBars,
      100,
      600_000,
    );
    const eventsPerSecond = EVENTS / ((Date.now() - started) / 1000);
    // Every event is counted in exactly one closed window: the rate is over events really processed.
    const { rows } = await db.query(
      `SELECT sum(quote_count + trade_count) AS n FROM ${schema}.spread_metrics WHERE symbol LIKE 'S%'`,
    );
    if (Number(rows[0].n) !== EVENTS)
      throw new Error(`spread_metrics counts ${rows[0].n} events, not ${EVENTS}`);
    console.log(
      `pipeline: ${EVENTS} events -> ${expectedMetrics} spread_metrics + ${expectedBars} spread_bars_1s rows: ${Math.round(eventsPerSecond)} events/s per job (2 jobs, each reading every event)`,
    );

    const latencies = { fromSend: [] as number[], bars: [] as number[] };
    let windowStart = lastTime - (lastTime % 60_000) + 3 * 60_000;
    for (let round = 0; round < ROUNDS; round++, windowStart += 2 * 60_000) {
      const windowEnd = windowStart + 60_000;
      await produceEvents({ brokers: base.kafkaBrokers, registryUrl: base.registryUrl, topic: sourceTopic }, [
        quote('LAT', windowStart + 1_000),
        quote('LAT', windowEnd - 500),
        ...everyPartition('~FILL', windowStart + 1_000),
      ]);
      await sleep(1_500);
      const sent = performance.now();
      const produced = produceEvents(
        { brokers: base.kafkaBrokers, registryUrl: base.registryUrl, topic: sourceTopic },
        everyPartition('~FILL', windowEnd + base.watermarkDelayMs),
      );
      const [rowWritten, barWritten] = await Promise.all([
        pollUntil(() => rowExists(db, `${schema}.spread_metrics`, 'window_start', 'LAT', windowStart), 20),
        pollUntil(() => rowExists(db, `${schema}.spread_bars_1s`, 'bar_start', 'LAT', windowEnd - 1_000), 20),
        produced,
      ]);
      latencies.fromSend.push((rowWritten - sent) / 1000);
      latencies.bars.push((barWritten - sent) / 1000);
    }
    return { eventsPerSecond, latencies };
  } finally {
    await db.end().catch(() => undefined);
    await removeNamespace(jobs);
  }
}

async function ceiling(): Promise<number> {
  const catalogFiles = ['bench/00-sink-schemas.sql', 'catalog/sinks.sql', 'bench/datagen-blackhole.sql'].map(
    (file) => path.join(flinkSqlDir, file),
  );
  const extraValues = {
    SYMBOLS: String(SYMBOLS),
    STEP_MS: String(STEP_MS),
    START_MS: String(START_MS),
    LAST_SEQ: String(EVENTS - 1),
  };
  const jobs = new FlinkJobs({ ...base, namespace: `bench_ceiling_${runId}` }, { catalogFiles, extraValues });
  try {
    const submitted = await jobs.submit();
    const finished = await Promise.all(
      submitted.map((job) =>
        jobs.jobManager.waitForState(job.jobId, ['FINISHED', 'FAILED', 'CANCELED'], 600_000),
      ),
    );
    const failed = finished.find((detail) => detail.state !== 'FINISHED');
    if (failed) throw new Error(`ceiling job ${failed.name} ${failed.state}`);
    const seconds =
      (Math.max(...finished.map((detail) => detail['end-time'])) - Math.min(...finished.map(runningSince))) /
      1000;
    const eventsPerSecond = EVENTS / seconds;
    console.log(
      `ceiling (datagen -> same jobs -> blackhole): ${EVENTS} rows in ${fmt(seconds)}: ${Math.round(eventsPerSecond)} events/s per job`,
    );
    return eventsPerSecond;
  } finally {
    await removeNamespace(jobs);
  }
}

if (args.phase === 'ceiling') {
  await ceiling();
} else {
  const { eventsPerSecond, latencies } = await pipeline();
  const ceilingRate = await ceiling();
  const summary = {
    events: EVENTS,
    throughputEventsPerSecond: Math.round(eventsPerSecond),
    ceilingEventsPerSecond: Math.round(ceilingRate),
    ratioToCeiling: Number((eventsPerSecond / ceilingRate).toFixed(3)),
    latencySeconds: {
      sendToRow: {
        p50: quantile(latencies.fromSend, 0.5),
        p99: quantile(latencies.fromSend, 0.99),
        max: Math.max(...latencies.fromSend),
      },
      sendToBarRow: {
        p50: quantile(latencies.bars, 0.5),
        p99: quantile(latencies.bars, 0.99),
        max: Math.max(...latencies.bars),
      },
    },
  };
  const spread = (values: number[]): string =>
    `p50 ${fmt(quantile(values, 0.5))}, p99 ${fmt(quantile(values, 0.99))}, max ${fmt(Math.max(...values))} over ${values.length} rounds`;
  console.log(`latency, watermark-moving events sent -> spread_metrics row: ${spread(latencies.fromSend)}`);
  console.log(`latency, watermark-moving events sent -> spread_bars_1s row: ${spread(latencies.bars)}`);
  console.log(JSON.stringify(summary));
}
