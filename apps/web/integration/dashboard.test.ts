// The dashboard in Debian's Chromium against the real system: a test namespace fed by the producer's
// simulator through Kafka and the Flink jobs into PostgreSQL, served by the real API with the production
// build. Each panel must show that data; a spread shock produced during the test must reach the alerts
// feed through the pipeline and the live stream; the page must recover when the API restarts.
// Screenshots go to test-results/web/.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FlinkJobs, loadConfig, type SubmittedJob } from '@spreadwatch/flink-jobs';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchema } from '../../../packages/flink-jobs/src/testing/database.ts';
import { TOPIC_PARTITIONS, ensureTopics } from '../../../packages/flink-jobs/src/topics.ts';
import { startApi, type ApiServer } from './support/api-server.ts';
import { launchChromium } from './support/browser.ts';
import { MarketFeed } from './support/market-feed.ts';
import { ensureWebBuild, webRoot } from './support/web-build.ts';

const SYMBOLS = 12;
const BACKFILL_MS = 12 * 60_000;
const artifacts = path.resolve(webRoot, '../../test-results/web');

/** Backfilled windows the heatmap must show at least (12 minutes of backfill close 11 or 12). */
const HEATMAP_MIN_COLUMNS = 10;

interface Latest {
  items: { symbol: string }[];
}

interface Overview {
  windowStarts: string[];
}

describe('dashboard on the real system', () => {
  const namespace = `web_${Date.now().toString(36)}`;
  const token = `web-test-${Date.now().toString(36)}`;
  const config = { ...loadConfig(), namespace, watermarkDelayMs: 2_000 };
  const flinkJobs = new FlinkJobs(config);
  const feed = new MarketFeed({
    brokers: config.kafkaBrokers,
    registryUrl: config.registryUrl,
    topic: flinkJobs.namespace.sourceTopic,
    partitions: TOPIC_PARTITIONS,
    symbols: SYMBOLS,
    backfillMs: BACKFILL_MS,
  });
  let submitted: SubmittedJob[] = [];
  let api: ApiServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const apiJson = async <T>(route: string): Promise<T> =>
    (await fetch(`${api.url}${route}`)).json() as Promise<T>;
  const screenshot = (name: string) =>
    page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await ensureWebBuild();
    await ensureTopics(config.kafkaBrokers, flinkJobs.namespace);
    // The backfill is in Kafka before the jobs start, so every partition has data from the first poll.
    await feed.start();
    submitted = await flinkJobs.submit();
    api = await startApi(namespace, token);
    // The backfill's windows are closed by the watermark at once, but Flink writes them over some seconds
    // (longer on a cold cluster): wait until every symbol has some and the heatmap has its columns.
    for (;;) {
      const latest = await apiJson<Latest>('/api/metrics/latest');
      const overview = await apiJson<Overview>(`/api/overview?windows=${HEATMAP_MIN_COLUMNS}`);
      if (latest.items.length === SYMBOLS && overview.windowStarts.length >= HEATMAP_MIN_COLUMNS) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1300 }, acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(api.url);
  });

  afterAll(async () => {
    await browser?.close();
    await feed.stop();
    await api?.close();
    await Promise.all(submitted.map((job) => flinkJobs.cancel(job.name)));
    await dropSchema(config.databaseUrl, namespace);
    const admin = new Kafka({
      clientId: 'spreadwatch-web-test',
      brokers: config.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    const { sourceTopic, alertsTopic } = flinkJobs.namespace;
    await admin.deleteTopics({ topics: [sourceTopic, alertsTopic] }).finally(() => admin.disconnect());
  });

  it('shows the windowed metrics of every symbol in the table, as the API serves them', async () => {
    const table = page.getByTestId('metrics-table');
    await table.locator(`table[data-rows="${SYMBOLS}"]`).waitFor();
    const rows = await table
      .locator('tbody tr:not([aria-hidden])')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(new Set(rows.map((row) => row[0])).size).toBe(SYMBOLS);
    // Sorted by average spread, widest first.
    const averages = rows.map((row) => Number(row[2]!.replaceAll(',', '')));
    expect(averages).toEqual([...averages].sort((a, b) => b - a));
    // The first row's values are those of its window in PostgreSQL.
    const [symbol, window, avg, min, max] = rows[0]!;
    const to = new Date(Date.now() + 60_000).toISOString();
    const from = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const stored = await apiJson<{
      items: { windowStart: string; avgSpreadBps: number; minSpreadBps: number; maxSpreadBps: number }[];
    }>(`/api/symbols/${symbol}/metrics?from=${from}&to=${to}&limit=1000`);
    const row = stored.items.find((item) => item.windowStart.slice(11, 16) === window!.slice(0, 5))!;
    expect([avg, min, max]).toEqual(
      [row.avgSpreadBps, row.minSpreadBps, row.maxSpreadBps].map((v) => v.toFixed(2)),
    );
  });

  it('filters the table to one symbol, showing its windows, and exports them as CSV', async () => {
    const table = page.getByTestId('metrics-table');
    const symbol = feed.symbols()[1]!;
    await table.getByLabel('filter symbols').fill(symbol.toLowerCase());
    await table.locator('h2', { hasText: `Windows of ${symbol}` }).waitFor();
    await table.locator('table:not([data-rows="1"])').waitFor();
    const rows = Number(await table.locator('table').getAttribute('data-rows'));
    const symbolsShown = await table.locator('tbody tr:not([aria-hidden]) td:first-child').allTextContents();
    expect(new Set(symbolsShown)).toEqual(new Set([symbol]));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      table.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toMatch(/^symbol,windowStart,avgSpreadBps,/);
    expect(csv.slice(1).every((line) => line.startsWith(`${symbol},`))).toBe(true);
    expect(csv.length - 1).toBe(rows);
    await table.getByLabel('filter symbols').fill('');
    await table.locator(`table[data-rows="${SYMBOLS}"]`).waitFor();
  });

  it('draws the heatmap of all symbols over the recent windows, with a legend and tooltips', async () => {
    const heatmap = page.getByTestId('heatmap');
    const canvas = heatmap.locator(`canvas[data-rows="${SYMBOLS}"]`);
    await canvas.waitFor();
    expect(Number(await canvas.getAttribute('data-columns'))).toBeGreaterThanOrEqual(HEATMAP_MIN_COLUMNS);
    expect(await heatmap.getByTestId('heatmap-legend').textContent()).toMatch(/^bp[\d,]+\.\d\d[\d,]+\.\d\d$/);
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width - 10, box.y + 7);
    expect(await heatmap.locator('.tooltip').textContent()).toMatch(/^[A-Z]{4} \d\d:\d\d–\d\d:\d\d UTC/);
  });

  it('plots the spread timeline of the first symbol: 1-second bars over the windows band', async () => {
    const timeline = page.getByTestId('timeline');
    await timeline.locator('.recharts-line path.recharts-curve').first().waitFor();
    expect(await timeline.locator('select').inputValue()).toBe(feed.symbols().sort()[0]);
    expect(await timeline.locator('.recharts-area path.recharts-curve').count()).toBeGreaterThan(0);
    expect(await timeline.locator('.recharts-line').count()).toBe(2);
  });

  it('plots the market stress series with its regimes', async () => {
    const stress = page.getByTestId('stress');
    await stress.locator('.recharts-line path.recharts-curve').first().waitFor();
    expect(await stress.getByTestId('regime').textContent()).toMatch(/^(calm|stressed)$/);
    expect(await stress.locator('.recharts-reference-area').count()).toBeGreaterThan(0);
  });

  it('lists the namespace jobs RUNNING, each linked to the Flink UI', async () => {
    const jobs = page.getByTestId('jobs');
    for (const job of submitted) {
      const row = jobs.locator(`tr[data-job="${job.name}"][data-state="RUNNING"]`);
      await row.waitFor();
      expect(await row.locator('a').getAttribute('href')).toBe(job.uiLink);
    }
  });

  it('shows the rejected events of the namespace by reason and the newest dead letters', async () => {
    // The Flink jobs write these rows for bad messages and the feed sends none: three undecodable ones are
    // inserted as the jobs would (partition 99, which the topic does not have, so no real row is replaced).
    const client = new pg.Client({
      connectionString: config.databaseUrl,
      options: `-c search_path=${namespace}`,
    });
    await client.connect();
    try {
      for (const offset of [0, 1, 2]) {
        await client.query(
          `INSERT INTO rejected_events (kafka_topic, kafka_partition, kafka_offset, raw_value, reason, detail)
           VALUES ($1, 99, $2, $3, 'not_avro', $4)`,
          [flinkJobs.namespace.sourceTopic, offset, Buffer.from('plain text'), `test message ${offset}`],
        );
      }
    } finally {
      await client.end();
    }
    const panel = page.getByTestId('data-quality');
    // The panel refreshes every 15 s.
    const bar = panel.locator('li[data-reason="not_avro"]');
    await bar.waitFor({ timeout: 30_000 });
    expect(await bar.locator('.reason-count').textContent()).toBe('3');
    const { totals } = await apiJson<{ totals: { reason: string; count: number }[] }>(
      `/api/rejects?from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`,
    );
    expect(totals.find((total) => total.reason === 'not_avro')?.count).toBe(3);
    const details = await panel.locator('tr[data-reason="not_avro"] td:last-child').allTextContents();
    expect(details.sort()).toEqual(['test message 0', 'test message 1', 'test message 2']);
    await screenshot('data-quality');
  });

  it('shows fresh data and an open live stream', async () => {
    const freshness = page.getByTestId('freshness');
    await page.locator('[data-testid="freshness"][data-level="fresh"][data-connection="open"]').waitFor();
    expect(await freshness.getByTestId('data-age').textContent()).toMatch(/^\d/);
  });

  it('shows a spread shock produced now in the alerts feed, pushed live', async () => {
    const symbol = feed.symbols()[0]!;
    const shock = feed.shock(symbol, 30_000, 12);
    // The shocked windows: the one the shock starts in and the next (it may straddle a minute boundary).
    const windows = [0, 1].map((k) => new Date((Math.floor(shock.from / 60_000) + k) * 60_000).toISOString());
    const alert = page
      .locator(`[data-testid="alerts"] li.new[data-symbol="${symbol}"]`)
      .and(page.locator(windows.map((start) => `[data-window-start="${start}"]`).join(', ')))
      .and(page.locator('[data-type="spread_anomaly"], [data-type="liquidity_crisis"]'))
      .first();
    // It comes once the watermark closes the shocked window: up to a minute and the watermark delay.
    await alert.waitFor({ timeout: 150_000 });
    expect(await alert.getAttribute('data-received-at')).toMatch(/^\d/);
    const type = await alert.getAttribute('data-type');
    const windowStart = (await alert.getAttribute('data-window-start'))!;
    await screenshot('dashboard');
    // The same alert lands in PostgreSQL on the sink's next flush; the feed shows its values.
    let stored: { avgSpreadBps: number; maxSpreadBps: number } | undefined;
    while (!stored) {
      const page = await apiJson<{
        items: { windowStart: string; alertType: string; avgSpreadBps: number; maxSpreadBps: number }[];
      }>(`/api/alerts?since=${windowStart}&symbol=${symbol}&type=${type}`);
      stored = page.items.find((item) => item.windowStart === windowStart);
      if (!stored) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const values = await alert.locator('.values').textContent();
    expect(values).toContain(`${stored.avgSpreadBps.toFixed(2)} bp`);
  }, 180_000);

  it('reconnects by itself when the API comes back', async () => {
    const port = Number(new URL(api.url).port);
    await api.close();
    await page.locator('[data-testid="freshness"][data-connection="reconnecting"]').waitFor();
    await screenshot('api-down');
    api = await startApi(namespace, token, port);
    await page.locator('[data-testid="freshness"][data-connection="open"]').waitFor({ timeout: 30_000 });
    // Every panel reloads once the stream is back: no error state remains.
    await page.waitForFunction(() => document.querySelectorAll('[data-state="error"]').length === 0);
    expect(await page.getByTestId('metrics-table').locator(`table[data-rows="${SYMBOLS}"]`).count()).toBe(1);
  });

  it('cancels a job and resubmits it from the jobs panel, asking for the API token', async () => {
    const jobs = page.getByTestId('jobs');
    const bars = submitted.find((job) => job.name.endsWith('-spread-bars-1s'))!;
    await jobs
      .locator(`tr[data-job="${bars.name}"][data-state="RUNNING"]`)
      .getByRole('button', { name: 'Cancel' })
      .click();
    await jobs.getByLabel('API token').fill(token);
    await jobs.getByRole('button', { name: 'Confirm' }).click();
    await jobs.getByRole('button', { name: 'Resubmit spread-bars-1s' }).click({ timeout: 60_000 });
    await jobs.locator('span', { hasText: 'submit spread-bars-1s: done' }).waitFor({ timeout: 60_000 });
    await jobs.locator(`tr[data-job="${bars.name}"][data-state="RUNNING"]`).waitFor();
    expect(await jobs.locator(`tr[data-job="${bars.name}"][data-state="CANCELED"]`).count()).toBeGreaterThan(
      0,
    );
    expect(pageErrors).toEqual([]);
  });
});
