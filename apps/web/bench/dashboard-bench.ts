// Dashboard benchmark on the real API and PostgreSQL with `--symbols N` symbols (default 500; `make bench-web
// SYMBOLS=5000`), rows inserted into a bench namespace, no Flink needed: first render until every panel shows
// data, input responsiveness (table sort, heatmap scroll), main-thread long tasks under a live load of one
// bar per symbol per second, and the latency of an alert from the alerts topic to the feed's DOM, split into
// API+SSE and React render.
// Run: npx tsx apps/web/bench/dashboard-bench.ts [--symbols 5000]
import { migrate } from '@spreadwatch/db';
import { loadConfig, resolveNamespace } from '@spreadwatch/flink-jobs';
import { Kafka, logLevel } from 'kafkajs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureTopics } from '../../../packages/flink-jobs/src/topics.ts';
import { startApi } from '../integration/support/api-server.ts';
import { launchChromium } from '../integration/support/browser.ts';
import { ensureWebBuild } from '../integration/support/web-build.ts';

const { values: args } = parseArgs({ options: { symbols: { type: 'string', default: '500' } } });
const SYMBOLS = Number(args.symbols);
if (!Number.isInteger(SYMBOLS) || SYMBOLS < 1)
  throw new Error(`--symbols must be a whole number, got ${args.symbols}`);
const WINDOWS = 30;
const RUNS = 5;
const ALERTS = 20;

const config = loadConfig();
const namespace = resolveNamespace(`webbench_${Date.now().toString(36)}`);
const db = new pg.Pool({ connectionString: config.databaseUrl, max: 4 });
const symbols = Array.from(
  { length: SYMBOLS },
  (_, i) => `S${String(i).padStart(String(SYMBOLS - 1).length, '0')}`,
);
const minute = 60_000;
const now = Date.now();
const lastWindow = Math.floor(now / minute) * minute - minute;
const wall = (ms: number): string => new Date(ms).toISOString().replace('Z', '');
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number): number => Math.round(value * 10) / 10;

async function seed(): Promise<void> {
  await migrate({ databaseUrl: config.databaseUrl, schema: namespace.schema });
  await ensureTopics(config.kafkaBrokers, namespace);
  const table = (name: string) => `"${namespace.schema}".${name}`;
  for (let w = 0; w < WINDOWS; w++) {
    const start = lastWindow - (WINDOWS - 1 - w) * minute;
    const rows = symbols.map((symbol, i) => {
      const avg = 2 + (i % 50) + 3 * Math.sin(w / 4 + i);
      return [
        symbol,
        wall(start),
        wall(start + minute),
        600,
        100,
        avg,
        avg * 0.6,
        avg * 1.8,
        avg * 0.2,
        100 / avg,
        6,
        0.5,
        10_000,
        100,
        Math.sin(w / 5),
        avg * 0.8,
        i % 97 === w % 97,
        i % 13 === 0,
      ];
    });
    await db.query(
      `INSERT INTO ${table('spread_metrics')} (symbol, window_start, window_end, quote_count, trade_count, avg_spread_bps,
         min_spread_bps, max_spread_bps, std_spread_bps, liquidity_score, quote_to_trade_ratio, order_imbalance, volume, vwap,
         avg_stress, avg_effective_spread_bps, spread_anomaly, is_optimal)
       SELECT * FROM unnest($1::text[], $2::timestamp[], $3::timestamp[], $4::bigint[], $5::bigint[], $6::float8[], $7::float8[],
         $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::bigint[], $14::float8[], $15::float8[],
         $16::float8[], $17::bool[], $18::bool[])`,
      rows[0]!.map((_, column) => rows.map((row) => row[column])),
    );
  }
  const bars = Array.from({ length: 15 * 60 }, (_, s) => lastWindow + minute - 15 * minute + s * 1000);
  await db.query(
    `INSERT INTO ${table('spread_bars_1s')} (symbol, bar_start, bar_end, quote_count, avg_spread_bps, min_spread_bps, max_spread_bps, last_mid)
     SELECT $1, t, t + interval '1 second', 5, 3 + sin(extract(epoch FROM t) / 30), 2, 5, 100 FROM unnest($2::timestamp[]) AS t`,
    [symbols[0], bars.map(wall)],
  );
}

/** One bar per symbol per second while `running`: the live stream's load with SYMBOLS symbols. */
function liveLoad(): { stop: () => Promise<void> } {
  let running = true;
  const loop = (async () => {
    for (let second = Math.ceil(Date.now() / 1000) * 1000; running; second += 1000) {
      await db.query(
        `INSERT INTO "${namespace.schema}".spread_bars_1s (symbol, bar_start, bar_end, quote_count, avg_spread_bps, min_spread_bps, max_spread_bps, last_mid)
         SELECT s, $2::timestamp, $2::timestamp + interval '1 second', 5, 3, 2, 5, 100 FROM unnest($1::text[]) AS s
         ON CONFLICT DO NOTHING`,
        [symbols, wall(second)],
      );
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, second + 1000 - Date.now())));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function main(): Promise<void> {
  await ensureWebBuild();
  await seed();
  const api = await startApi(namespace.name, 'bench-token');
  const browser = await launchChromium();
  const kafka = new Kafka({
    clientId: 'spreadwatch-web-bench',
    brokers: config.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  const results: Record<string, unknown> = { symbols: SYMBOLS, windows: WINDOWS };
  try {
    // First render: navigation start until every panel shows its data (fresh browser context each run).
    const renders: number[] = [];
    const slowestApi: { route: string; endMs: number; durationMs: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1300 } });
      const page = await context.newPage();
      await page.goto(api.url);
      await Promise.all([
        page.waitForSelector(`[data-testid="metrics-table"] table[data-rows="${SYMBOLS}"]`),
        page.waitForSelector(`[data-testid="heatmap"] canvas[data-rows="${SYMBOLS}"]`),
        page.waitForSelector('[data-testid="timeline"] .recharts-line path.recharts-curve'),
        page.waitForSelector('[data-testid="stress"] .recharts-line path.recharts-curve'),
        page.waitForSelector('[data-testid="jobs"] :is(table, [data-state="empty"])'),
        page.waitForSelector('[data-testid="freshness"][data-connection="open"]'),
      ]);
      renders.push(await page.evaluate(() => performance.now()));
      // What the first render waited for: the slowest API response (the event stream excluded).
      slowestApi.push(
        await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .filter((entry) => entry.name.includes('/api/') && !entry.name.includes('/api/live'))
            .map((entry) => ({
              route: new URL(entry.name).pathname,
              endMs: (entry as PerformanceResourceTiming).responseEnd,
              durationMs: entry.duration,
            }))
            .reduce((a, b) => (b.endMs > a.endMs ? b : a)),
        ),
      );
      await context.close();
    }
    results.firstRenderMs = { median: round(median(renders)), runs: renders.map(round) };
    results.lastApiResponse = {
      endMsMedian: round(median(slowestApi.map((entry) => entry.endMs))),
      durationMsMedian: round(median(slowestApi.map((entry) => entry.durationMs))),
      routes: [...new Set(slowestApi.map((entry) => entry.route))],
    };

    const page = await browser.newPage({ viewport: { width: 1600, height: 1300 } });
    await page.goto(api.url);
    await page.waitForSelector(`[data-testid="heatmap"] canvas[data-rows="${SYMBOLS}"]`);
    await page.waitForSelector('[data-testid="freshness"][data-connection="open"]');
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((entry) => w.longTasks.push(entry.duration)),
      ).observe({ type: 'longtask' });
    });
    const load = liveLoad();

    // Table sort with every symbol's row: click until the header shows the new order.
    const sorts: number[] = [];
    for (let i = 0; i < 6; i++) {
      sorts.push(
        await page.evaluate(async () => {
          const header = [...document.querySelectorAll('[data-testid="metrics-table"] th')].find((th) =>
            th.textContent?.startsWith('Symbol'),
          )!;
          const before = document.querySelector(
            '[data-testid="metrics-table"] tbody tr:not([aria-hidden]) td',
          )?.textContent;
          const start = performance.now();
          (header as HTMLElement).click();
          while (
            document.querySelector('[data-testid="metrics-table"] tbody tr:not([aria-hidden]) td')
              ?.textContent === before
          ) {
            await new Promise((resolve) => requestAnimationFrame(resolve));
          }
          return performance.now() - start;
        }),
      );
    }
    results.tableSortMs = { median: round(median(sorts)), max: round(Math.max(...sorts)) };

    // Heatmap scroll over every symbol's row: frame time while scrolling a step per frame.
    results.heatmapScrollFrameMs = await page.evaluate(async () => {
      const scroll = document.querySelector('[data-testid="heatmap"] .heatmap-scroll')!;
      const frames: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 120; i++) {
        scroll.scrollTop = (i * 60) % (scroll.scrollHeight - scroll.clientHeight);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const t = performance.now();
        frames.push(t - last);
        last = t;
      }
      frames.sort((a, b) => a - b);
      return { median: Math.round(frames[60]! * 10) / 10, p95: Math.round(frames[114]! * 10) / 10 };
    });

    // Alert latency: produced to the alerts topic (as Flink does) until its entry is in the feed's DOM.
    const apiToDom: number[] = [];
    const render: number[] = [];
    for (let i = 0; i < ALERTS; i++) {
      const symbol = symbols[i * 7]!;
      const start = lastWindow - (i + 1) * 7 * minute;
      await page.evaluate(() => {
        const w = window as unknown as { seen: Promise<{ at: number; render: number }> };
        w.seen = new Promise((resolve) => {
          const observer = new MutationObserver((mutations) => {
            for (const mutation of mutations)
              for (const node of mutation.addedNodes) {
                if (!(node instanceof HTMLElement)) continue;
                // The first alert brings the whole list with it.
                const item = node.matches('li[data-received-at]')
                  ? node
                  : node.querySelector<HTMLElement>('li[data-received-at]');
                if (item) {
                  observer.disconnect();
                  resolve({ at: Date.now(), render: performance.now() - Number(item.dataset.receivedAt) });
                }
              }
          });
          observer.observe(document.querySelector('[data-testid="alerts"]')!, {
            childList: true,
            subtree: true,
          });
        });
      });
      const sentAt = Date.now();
      await producer.send({
        topic: namespace.alertsTopic,
        messages: [
          {
            key: symbol,
            value: JSON.stringify({
              symbol,
              window_start: wall(start),
              window_end: wall(start + minute),
              alert_type: 'liquidity_crisis',
              avg_spread_bps: 40,
              max_spread_bps: 90,
              std_spread_bps: 12,
              order_imbalance: 0.3,
              baseline_avg_spread_bps: 8,
            }),
          },
        ],
      });
      const seen = await page.evaluate(() =>
        Promise.race([
          (window as unknown as { seen: Promise<{ at: number; render: number }> }).seen,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('alert not shown within 10 s')), 10_000),
          ),
        ]),
      );
      apiToDom.push(seen.at - sentAt);
      render.push(seen.render);
    }
    results.alertTopicToDomMs = { median: round(median(apiToDom)), max: round(Math.max(...apiToDom)) };
    results.alertRenderMs = { median: round(median(render)), max: round(Math.max(...render)) };

    await load.stop();
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    results.longTasksUnderLoad = {
      count: longTasks.length,
      totalMs: round(longTasks.reduce((sum, value) => sum + value, 0)),
      maxMs: round(Math.max(0, ...longTasks)),
    };
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await producer.disconnect();
    await browser.close();
    await api.close();
    await db.query(`DROP SCHEMA IF EXISTS "${namespace.schema}" CASCADE`);
    await db.end();
    const admin = kafka.admin();
    await admin.connect();
    await admin
      .deleteTopics({ topics: [namespace.sourceTopic, namespace.alertsTopic] })
      .finally(() => admin.disconnect());
  }
}

await main();
