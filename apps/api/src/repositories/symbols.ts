// Symbols known to the namespace: those with windows or 1-second bars.
import type pg from 'pg';

export interface SymbolSummary {
  symbol: string;
  lastWindowStart: string | null;
  lastBarStart: string | null;
}

export function createSymbolsRepository(pool: pg.Pool) {
  return {
    /** One probe per symbol and table (loose index scans of the primary keys). */
    async list(): Promise<SymbolSummary[]> {
      const { rows } = await pool.query<SymbolSummary>(
        `WITH RECURSIVE
           m AS (SELECT min(symbol) AS symbol FROM spread_metrics
                 UNION ALL SELECT (SELECT min(symbol) FROM spread_metrics WHERE symbol > m.symbol)
                 FROM m WHERE m.symbol IS NOT NULL),
           b AS (SELECT min(symbol) AS symbol FROM spread_bars_1s
                 UNION ALL SELECT (SELECT min(symbol) FROM spread_bars_1s WHERE symbol > b.symbol)
                 FROM b WHERE b.symbol IS NOT NULL),
           s AS (SELECT symbol FROM m WHERE symbol IS NOT NULL UNION SELECT symbol FROM b WHERE symbol IS NOT NULL)
         SELECT s.symbol,
           (SELECT max(window_start) FROM spread_metrics WHERE symbol = s.symbol) AS "lastWindowStart",
           (SELECT max(bar_start) FROM spread_bars_1s WHERE symbol = s.symbol) AS "lastBarStart"
         FROM s ORDER BY s.symbol`,
      );
      return rows;
    },

    async exists(symbol: string): Promise<boolean> {
      const { rows } = await pool.query<{ found: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM spread_metrics WHERE symbol = $1)
             OR EXISTS (SELECT 1 FROM spread_bars_1s WHERE symbol = $1) AS found`,
        [symbol],
      );
      return rows[0]!.found;
    },
  };
}
export type SymbolsRepository = ReturnType<typeof createSymbolsRepository>;
