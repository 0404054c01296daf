// Window metrics (spread_metrics): ranges per symbol, the latest window of each symbol, the market stress
// series and the heatmap overview.
import type pg from 'pg';
import type { WindowMetrics } from '../schemas/rows.ts';
import { finiteRow, type Stored } from './finite.ts';
import { symbolRange, toPage, utc, type PageResult } from './sql.ts';

export const metricsColumns = `symbol, window_start AS "windowStart", window_end AS "windowEnd",
  quote_count AS "quoteCount", trade_count AS "tradeCount", avg_spread_bps AS "avgSpreadBps",
  min_spread_bps AS "minSpreadBps", max_spread_bps AS "maxSpreadBps", std_spread_bps AS "stdSpreadBps",
  liquidity_score AS "liquidityScore", quote_to_trade_ratio AS "quoteToTradeRatio",
  order_imbalance AS "orderImbalance", volume, vwap, avg_stress AS "avgStress",
  avg_effective_spread_bps AS "avgEffectiveSpreadBps", spread_anomaly AS "spreadAnomaly",
  is_optimal AS "isOptimal", written_at AS "writtenAt"`;

export interface StressPoint {
  windowStart: string;
  avgStress: number | null;
  avgSpreadBps: number | null;
  symbols: number;
  anomalies: number;
  nonFinite: string[];
}

export interface OverviewCell {
  symbol: string;
  windowStart: string;
  avgSpreadBps: number | null;
  liquidityScore: number | null;
  avgStress: number | null;
  spreadAnomaly: boolean;
  isOptimal: boolean;
  nonFinite: string[];
}

export function createMetricsRepository(pool: pg.Pool) {
  return {
    range: symbolRange<Stored<WindowMetrics>>(pool, {
      table: 'spread_metrics',
      columns: metricsColumns,
      timeColumn: 'window_start',
      key: (row) => row.windowStart,
    }),

    /** The newest window of every symbol, by a loose index scan of the primary key (one probe per symbol). */
    async latest(): Promise<WindowMetrics[]> {
      const { rows } = await pool.query<Stored<WindowMetrics>>(
        `WITH RECURSIVE symbols AS (
           SELECT min(symbol) AS symbol FROM spread_metrics
           UNION ALL
           SELECT (SELECT min(symbol) FROM spread_metrics WHERE symbol > symbols.symbol)
           FROM symbols WHERE symbols.symbol IS NOT NULL)
         SELECT latest.* FROM symbols CROSS JOIN LATERAL (
           SELECT ${metricsColumns} FROM spread_metrics m
           WHERE m.symbol = symbols.symbol ORDER BY window_start DESC LIMIT 1) latest
         ORDER BY latest.symbol`,
      );
      return rows.map(finiteRow);
    },

    async stress(
      from: string,
      to: string,
      after: string | undefined,
      limit: number,
    ): Promise<PageResult<StressPoint>> {
      // Means in numeric: float8 sums of huge values fail with "value out of range: overflow".
      const { rows } = await pool.query<Stored<StressPoint>>(
        `SELECT window_start AS "windowStart", avg(avg_stress::numeric)::float8 AS "avgStress",
                avg(avg_spread_bps::numeric)::float8 AS "avgSpreadBps", count(*)::int AS symbols,
                count(*) FILTER (WHERE spread_anomaly)::int AS anomalies
         FROM spread_metrics
         WHERE window_start >= ${utc(1)} AND window_start < ${utc(2)}
           AND ($3::timestamptz IS NULL OR window_start > ${utc(3)})
         GROUP BY window_start ORDER BY window_start LIMIT $4`,
        [from, to, after ?? null, limit + 1],
      );
      return toPage(rows.map(finiteRow), limit, (row) => row.windowStart);
    },

    /**
     * Every symbol's cells in the newest `windows` window starts that have a place on the time axis (years
     * 0001-9999: an infinity or year-10000 start would otherwise always be the newest).
     */
    async overview(windows: number): Promise<OverviewCell[]> {
      const { rows } = await pool.query<Stored<OverviewCell>>(
        `WITH recent AS (
           SELECT DISTINCT window_start FROM spread_metrics
           WHERE window_start >= '0001-01-01' AND window_start < '10000-01-01'
           ORDER BY window_start DESC LIMIT $1)
         SELECT symbol, window_start AS "windowStart", avg_spread_bps AS "avgSpreadBps",
                liquidity_score AS "liquidityScore", avg_stress AS "avgStress",
                spread_anomaly AS "spreadAnomaly", is_optimal AS "isOptimal"
         FROM spread_metrics WHERE window_start IN (SELECT window_start FROM recent)
         ORDER BY symbol, window_start`,
        [windows],
      );
      return rows.map(finiteRow);
    },
  };
}
export type MetricsRepository = ReturnType<typeof createMetricsRepository>;
