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

/** Metrics the heatmap can show, and their columns (the query takes the column from here, never from input). */
export const HEATMAP_METRICS = {
  avgSpreadBps: 'avg_spread_bps',
  liquidityScore: 'liquidity_score',
  avgStress: 'avg_stress',
} as const;
export type HeatmapMetric = keyof typeof HEATMAP_METRICS;

/** The heatmap's rows: the window starts (oldest first), and each symbol's values by their column there. */
export interface OverviewCells {
  windowStarts: string[];
  /** By symbol (the database's order); values[k] is in column columns[k]. */
  rows: { symbol: string; columns: number[]; values: (number | null)[] }[];
}

interface LatestPosition {
  /** Every window change in the log up to here is reflected. */
  position: number;
  /** Changes up to here may have been pruned from the log. */
  prunedThrough: number;
}

export interface LatestRead extends LatestPosition {
  rows: WindowMetrics[];
}

// The change log's newest window change, and its pruning horizon (live_changes, see the live stream).
const windowHead = `SELECT greatest((SELECT max(seq) FROM live_changes WHERE kind = 'window'), pruned_through)
                      AS position, pruned_through AS "prunedThrough" FROM live_changes_horizon`;

export function createMetricsRepository(pool: pg.Pool) {
  return {
    range: symbolRange<Stored<WindowMetrics>>(pool, {
      table: 'spread_metrics',
      columns: metricsColumns,
      timeColumn: 'window_start',
      key: (row) => row.windowStart,
    }),

    /**
     * The newest window of every symbol (by a loose index scan of the primary key, one probe per symbol),
     * or with `after` only of the symbols with a window written or corrected after that change-log
     * position; with the position the read reflects, from the same snapshot (one statement).
     */
    async latest(after?: number): Promise<LatestRead> {
      const probe = `SELECT ${metricsColumns} FROM spread_metrics m
                     WHERE m.symbol = symbols.symbol ORDER BY window_start DESC LIMIT 1`;
      const { rows } = await pool.query<Stored<WindowMetrics> & LatestPosition>(
        after === undefined
          ? `WITH RECURSIVE head AS (${windowHead}), symbols AS (
               SELECT min(symbol) AS symbol FROM spread_metrics
               UNION ALL
               SELECT (SELECT min(symbol) FROM spread_metrics WHERE symbol > symbols.symbol)
               FROM symbols WHERE symbols.symbol IS NOT NULL)
             SELECT head.*, latest.* FROM head
             LEFT JOIN (symbols CROSS JOIN LATERAL (${probe}) latest) ON true
             ORDER BY latest.symbol`
          : `WITH head AS (${windowHead}), symbols AS (
               SELECT DISTINCT c.data->>'symbol' AS symbol FROM live_changes c, head
               WHERE c.kind = 'window' AND c.seq > $1 AND c.seq <= head.position)
             SELECT head.*, latest.* FROM head
             LEFT JOIN (symbols CROSS JOIN LATERAL (${probe}) latest) ON true`,
        after === undefined ? [] : [after],
      );
      const { position, prunedThrough } = rows[0]!;
      return {
        position,
        prunedThrough,
        // Without a symbol, the LEFT JOIN's row that only carries the position.
        rows: rows
          .filter((row) => row.symbol !== null)
          .map((row) => {
            const window: Partial<LatestPosition> & WindowMetrics = finiteRow(row);
            delete window.position;
            delete window.prunedThrough;
            return window;
          }),
      };
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
     * One metric of every symbol in the newest `windows` window starts that have a place on the time axis
     * (years 0001-9999: an infinity or year-10000 start would otherwise always be the newest), found by a
     * loose index scan (one probe per start); by symbol, then start.
     */
    async overview(windows: number, metric: HeatmapMetric): Promise<OverviewCells> {
      // One statement (one snapshot): the starts come first, in rows without a symbol, then a row per symbol
      // with its starts' ranks (1: newest) and values as JSON arrays, so 150,000 cells cost the API one
      // JSON.parse per symbol rather than a row each (PostgreSQL writes NaN and ±Infinity as JSON strings).
      const { rows } = await pool.query<{
        symbol: string | null;
        start: string;
        ranks: number[];
        values: (number | string | null)[];
      }>(
        `WITH RECURSIVE recent AS (
           SELECT max(window_start) AS start, 1 AS rank FROM spread_metrics
           WHERE window_start >= '0001-01-01' AND window_start < '10000-01-01'
           UNION ALL
           SELECT (SELECT max(window_start) FROM spread_metrics
                   WHERE window_start >= '0001-01-01' AND window_start < recent.start), rank + 1
           FROM recent WHERE recent.start IS NOT NULL AND rank < $1)
         SELECT NULL AS symbol, start, NULL::json AS ranks, NULL::json AS values
         FROM recent WHERE start IS NOT NULL
         UNION ALL
         SELECT m.symbol, NULL, array_to_json(array_agg(recent.rank)),
                array_to_json(array_agg(m.${HEATMAP_METRICS[metric]}))
         FROM spread_metrics m JOIN recent ON m.window_start = recent.start
         GROUP BY m.symbol
         ORDER BY symbol NULLS FIRST, start`,
        [windows],
      );
      const starts = rows.filter((row) => row.symbol === null);
      return {
        windowStarts: starts.map((row) => row.start),
        rows: rows.slice(starts.length).map((row) => ({
          symbol: row.symbol!,
          columns: row.ranks.map((rank) => starts.length - rank),
          values: row.values.map((value) => (typeof value === 'string' ? Number(value) : value)),
        })),
      };
    },
  };
}
export type MetricsRepository = ReturnType<typeof createMetricsRepository>;
