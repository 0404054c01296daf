// Test helpers: a namespace (PostgreSQL schema with the migrated tables) per test file, a fresh app per
// test closed when the test ends, and rows inserted directly so read tests never wait for the pipeline.
import { migrate } from '@spreadwatch/db';
import type { FastifyInstance } from 'fastify';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { onTestFinished } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig, type ApiConfig } from '../src/config.ts';

export const TOKEN = 'test-token-0123456789';

export function testConfig(namespace: string): ApiConfig {
  return loadConfig({
    ...process.env,
    SPREADWATCH_NAMESPACE: namespace,
    SPREADWATCH_API_TOKEN: TOKEN,
    SPREADWATCH_LIVE_POLL_MS: '100',
  });
}

/** A unique namespace name for a test file. */
export const uniqueNamespace = (prefix: string): string => `${prefix}_${Date.now().toString(36)}`;

/** Creates the namespace's tables; returns a function that drops them and its Kafka topics. */
export async function createNamespace(config: ApiConfig): Promise<() => Promise<void>> {
  await migrate({ databaseUrl: config.databaseUrl, schema: config.schema });
  return async () => {
    await sql(config, `DROP SCHEMA IF EXISTS "${config.schema}" CASCADE`);
    const admin = new Kafka({
      clientId: 'spreadwatch-api-test',
      brokers: config.kafkaBrokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => topic.endsWith(`.${config.schema}`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    await admin.disconnect();
  };
}

/** Runs one statement in the namespace (parameters only). */
export async function sql(config: ApiConfig, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({
    connectionString: config.databaseUrl,
    options: `-c search_path=${config.schema}`,
  });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** A fresh app for this test, closed when it ends. */
export async function build(config: ApiConfig): Promise<FastifyInstance> {
  const app = await buildApp(config);
  onTestFinished(() => app.close());
  await app.ready();
  return app;
}

export const auth = { authorization: `Bearer ${TOKEN}` };

export async function insertWindow(
  config: ApiConfig,
  symbol: string,
  windowStart: string,
  avgSpreadBps: number,
  stress = 0.1,
): Promise<void> {
  await sql(
    config,
    `INSERT INTO spread_metrics (symbol, window_start, window_end, quote_count, trade_count, avg_spread_bps,
       min_spread_bps, max_spread_bps, std_spread_bps, liquidity_score, quote_to_trade_ratio, order_imbalance,
       volume, vwap, avg_stress, avg_effective_spread_bps, spread_anomaly, is_optimal)
     VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', ($2::timestamptz + interval '1 minute') AT TIME ZONE 'UTC',
       120, 30, $3::float8, $3::float8 / 2, $3::float8 * 3, 1.5, 1000 / $3::float8, 4, 0.5, 3000, 100.5, $4, $3::float8 * 0.8, $3::float8 > 10, false)`,
    [symbol, windowStart, avgSpreadBps, stress],
  );
}

export async function insertBar(
  config: ApiConfig,
  symbol: string,
  barStart: string,
  avgSpreadBps: number,
): Promise<void> {
  await sql(
    config,
    `INSERT INTO spread_bars_1s (symbol, bar_start, bar_end, quote_count, avg_spread_bps, min_spread_bps, max_spread_bps, last_mid)
     VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', ($2::timestamptz + interval '1 second') AT TIME ZONE 'UTC', 2, $3::float8, $3::float8, $3::float8, 100)`,
    [symbol, barStart, avgSpreadBps],
  );
}

export async function insertAlert(
  config: ApiConfig,
  symbol: string,
  windowStart: string,
  alertType: string,
): Promise<void> {
  await sql(
    config,
    `INSERT INTO spread_alerts (symbol, window_start, window_end, alert_type, avg_spread_bps, max_spread_bps,
       std_spread_bps, order_imbalance, baseline_avg_spread_bps)
     VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', ($2::timestamptz + interval '1 minute') AT TIME ZONE 'UTC', $3, 12, 40, 3, 0.5, 5)`,
    [symbol, windowStart, alertType],
  );
}
