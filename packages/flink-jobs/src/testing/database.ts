// Reads the sink tables of a namespace as oracle-shaped rows (timestamps as epoch ms).
import pg from 'pg';
import type { SpreadAlertRow, SpreadBarRow, SpreadMetricsRow } from '../oracle/spread-oracle.ts';

// timestamp without time zone holds UTC wall-clock time: extract(epoch ...) reads it as UTC, whatever the
// session's time zone.
const epochMs = (column: string): string => `(extract(epoch from ${column}) * 1000)::float8 AS ${column}`;

export async function readSinkTables(
  databaseUrl: string,
  schema: string,
): Promise<{
  metrics: SpreadMetricsRow[];
  alerts: SpreadAlertRow[];
  bars: SpreadBarRow[];
}> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // bigint columns come back as strings from pg; counts here are far below 2^53.
    const metrics = await client.query(
      `SELECT symbol, ${epochMs('window_start')}, ${epochMs('window_end')}, quote_count::float8 AS quote_count,
              trade_count::float8 AS trade_count, avg_spread_bps, min_spread_bps, max_spread_bps, std_spread_bps,
              liquidity_score, quote_to_trade_ratio, order_imbalance, volume::float8 AS volume, vwap, avg_stress,
              avg_effective_spread_bps, spread_anomaly, is_optimal
       FROM "${schema}".spread_metrics ORDER BY symbol, window_start`,
    );
    const alerts = await client.query(
      `SELECT symbol, ${epochMs('window_start')}, ${epochMs('window_end')}, alert_type, avg_spread_bps, max_spread_bps,
              std_spread_bps, order_imbalance, baseline_avg_spread_bps
       FROM "${schema}".spread_alerts ORDER BY symbol, window_start, alert_type`,
    );
    const bars = await client.query(
      `SELECT symbol, ${epochMs('bar_start')}, ${epochMs('bar_end')}, quote_count::float8 AS quote_count,
              avg_spread_bps, min_spread_bps, max_spread_bps
       FROM "${schema}".spread_bars_1s ORDER BY symbol, bar_start`,
    );
    return { metrics: metrics.rows, alerts: alerts.rows, bars: bars.rows };
  } finally {
    await client.end();
  }
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  if (schema === 'public') throw new Error('refusing to drop the live schema');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
