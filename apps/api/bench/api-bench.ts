// API benchmark on the real stack, in a namespace of its own:
//  1. requests/s and latency percentiles of GET /api/metrics/latest with 200 concurrent connections
//     (autocannon) over `--symbols N` symbols (default 100; `make bench-api SYMBOLS=5000`) with 60,000
//     window rows in all;
//  2. live fan-out: FANOUT_CLIENTS event streams while one bar per symbol per second is written for
//     FANOUT_S seconds: how long after its row was written each client receives a bar (oldest bar of each
//     chunk), and whether every client received every bar;
//  3. alert latency, Flink emit -> SSE client: the spread-metrics job runs on anomalies written to its
//     Kafka topic; each alert's latency is the SSE client's receive time minus the Kafka timestamp Flink's
//     producer gave the alert record (same host, same clock). The same rounds' windows come through
//     PostgreSQL: their latency is the receive time minus the row's written_at.
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { FlinkJobs } from '@spreadwatch/flink-jobs';
import { buildApp } from '../src/app.ts';
import { produceAnomaly } from '../integration/anomaly-stream.ts';
import { createNamespace, sql, testConfig, uniqueNamespace } from '../integration/helper.ts';
import { SseReader, type SseMessage } from '../integration/sse-client.ts';
import { sseClientsWorker } from './sse-clients.ts';

const { values: args } = parseArgs({ options: { symbols: { type: 'string', default: '100' } } });
const SYMBOLS = Number(args.symbols);
if (!Number.isInteger(SYMBOLS) || SYMBOLS < 1)
  throw new Error(`--symbols must be a whole number, got ${args.symbols}`);
const WINDOWS = Math.max(10, Math.floor(60_000 / SYMBOLS));
const CONNECTIONS = 200;
const DURATION_S = 15;
const FANOUT_CLIENTS = 50;
const FANOUT_S = 20;
const ALERT_ROUNDS = 5;
const SYMBOLS_PER_ROUND = 10;

function summary(values: number[], what: string): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `${sorted.length} ${what}: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${sorted[sorted.length - 1]} ms`;
}

const config = testConfig(uniqueNamespace('bench_api'));
const jobs = new FlinkJobs(config.flinkJobs);
const dropNamespace = await createNamespace(config);
await jobs.prepare();
const app = await buildApp(config);
try {
  await sql(
    config,
    `INSERT INTO spread_metrics (symbol, window_start, window_end, quote_count, trade_count, avg_spread_bps,
       min_spread_bps, max_spread_bps, std_spread_bps, liquidity_score, quote_to_trade_ratio, order_imbalance,
       volume, vwap, avg_stress, avg_effective_spread_bps, spread_anomaly, is_optimal)
     SELECT 'S' || lpad(s::text, $3, '0'), t, t + interval '1 minute', 120, 30, 3 + random(), 1, 9, 1.5, 300, 4,
            0.5, 3000, 100, random(), 2.5, false, false
     FROM generate_series(1, $1) s,
          generate_series(date_trunc('minute', now() AT TIME ZONE 'UTC') - $2 * interval '1 minute',
                          date_trunc('minute', now() AT TIME ZONE 'UTC') - interval '1 minute', interval '1 minute') t`,
    [SYMBOLS, WINDOWS, String(SYMBOLS).length],
  );
  await sql(config, 'ANALYZE spread_metrics');
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const bytes = (await (await fetch(`${address}/api/metrics/latest`)).arrayBuffer()).byteLength;

  // The load generator runs in a worker thread, off the server's event loop. Plain requests, then with
  // Accept-Encoding: gzip as browsers send it.
  for (const encoding of ['identity', 'gzip']) {
    const load = await autocannon({
      url: `${address}/api/metrics/latest`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      workers: 1,
      headers: { 'accept-encoding': encoding },
    });
    if (load.non2xx > 0 || load.errors > 0)
      console.log(
        `WARNING: ${load.non2xx} non-2xx answers, ${load.errors} errors (${load.timeouts} timeouts)`,
      );
    console.log(
      `GET /api/metrics/latest (${SYMBOLS} symbols, ${SYMBOLS * WINDOWS} rows, ${Math.round(bytes / 1024)} KiB, ` +
        `${encoding}), ${CONNECTIONS} connections, ${DURATION_S} s: ${Math.round(load.requests.average)} requests/s, ` +
        `latency p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, max ${load.latency.max} ms`,
    );
  }

  const clients = new Worker(sseClientsWorker, {
    eval: true,
    workerData: { url: `${address}/api/live?types=bar`, clients: FANOUT_CLIENTS },
  });
  await new Promise((resolve) => clients.once('message', resolve));
  const barSymbols = Array.from({ length: SYMBOLS }, (_, i) => `B${i}`);
  const second0 = Math.ceil(Date.now() / 1000) * 1000;
  for (let s = 0; s < FANOUT_S; s++) {
    await sleep(Math.max(0, second0 + s * 1000 - Date.now()));
    await sql(
      config,
      `INSERT INTO spread_bars_1s (symbol, bar_start, bar_end, quote_count, avg_spread_bps, min_spread_bps,
         max_spread_bps, last_mid)
       SELECT b, $2::timestamptz AT TIME ZONE 'UTC', ($2::timestamptz + interval '1 second') AT TIME ZONE 'UTC',
              5, 3, 2, 5, 100
       FROM unnest($1::text[]) b`,
      [barSymbols, new Date(second0 + s * 1000).toISOString()],
    );
  }
  await sleep(2_000);
  const fanout = await new Promise<{ latencies: number[]; events: number }>((resolve) => {
    clients.once('message', resolve);
    clients.postMessage('report');
  });
  console.log(
    `live fan-out, ${FANOUT_CLIENTS} clients × ${SYMBOLS} bars/s for ${FANOUT_S} s: ` +
      `${fanout.events} of ${FANOUT_CLIENTS * SYMBOLS * FANOUT_S} bars received; row written -> client: ` +
      summary(fanout.latencies, 'chunks'),
  );

  await app.liveAlertsReady;
  // A job starting without state computes only windows after the newest its table holds: the load test's
  // synthetic windows (up to the current minute) would hide the anomaly windows below.
  await sql(config, 'DELETE FROM spread_metrics');
  const [job] = await jobs.submit({ jobs: ['spread-metrics'] });
  await jobs.jobManager.waitUntilRunning(job!.jobId, 150_000);
  const response = await fetch(`${address}/api/live?types=alert&types=window`);
  const reader = new SseReader(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream));
  const alertLatencies: number[] = [];
  const windowLatencies: number[] = [];
  const first = Math.floor(Date.now() / 60_000) * 60_000 - (ALERT_ROUNDS + 2) * 60_000;
  for (let round = 0; round < ALERT_ROUNDS; round++) {
    const symbols = Array.from({ length: SYMBOLS_PER_ROUND }, (_, i) => `A${round}_${i}`);
    await produceAnomaly({
      brokers: config.kafkaBrokers,
      registryUrl: config.flinkJobs.registryUrl,
      topic: jobs.namespace.sourceTopic,
      symbols,
      start: first + round * 60_000,
      watermarkDelayMs: config.flinkJobs.watermarkDelayMs,
    });
    const ours = (message: SseMessage): boolean =>
      symbols.includes((JSON.parse(message.data) as { symbol: string }).symbol);
    const expected = alertLatencies.length + windowLatencies.length + 2 * symbols.length;
    while (alertLatencies.length + windowLatencies.length < expected) {
      const message = await reader.next(
        (m) => (m.event === 'alert' || m.event === 'window') && ours(m),
        120_000,
      );
      const data = JSON.parse(message.data) as { emittedAt?: string; writtenAt?: string };
      if (message.event === 'alert') alertLatencies.push(message.receivedAt - Date.parse(data.emittedAt!));
      else windowLatencies.push(message.receivedAt - Date.parse(data.writtenAt!));
    }
    await sleep(500);
  }
  reader.close();
  console.log(
    `alert latency, Flink emit (Kafka record timestamp) -> SSE client: ${summary(alertLatencies, 'alerts')}`,
  );
  console.log(
    `window latency, row written to PostgreSQL -> SSE client: ${summary(windowLatencies, 'windows')}`,
  );
} finally {
  await app.close();
  for (const definition of jobs.definitions()) await jobs.cancel(definition.job);
  await dropNamespace();
}
