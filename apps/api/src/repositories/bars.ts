// 1-second spread bars (spread_bars_1s) of a symbol over a time range.
import type pg from 'pg';
import type { Bar } from '../schemas/rows.ts';
import type { RangeQuery } from './metrics.ts';
import { toPage, utc, type PageResult } from './sql.ts';

export const barColumns = `symbol, bar_start AS "barStart", bar_end AS "barEnd", quote_count AS "quoteCount",
  avg_spread_bps AS "avgSpreadBps", min_spread_bps AS "minSpreadBps", max_spread_bps AS "maxSpreadBps",
  last_mid AS "lastMid", written_at AS "writtenAt"`;

export function createBarsRepository(pool: pg.Pool) {
  return {
    async range({ symbol, from, to, after, limit }: RangeQuery): Promise<PageResult<Bar>> {
      const { rows } = await pool.query<Bar>(
        `SELECT ${barColumns} FROM spread_bars_1s
         WHERE symbol = $1 AND bar_start >= ${utc(2)} AND bar_start < ${utc(3)}
           AND ($4::timestamptz IS NULL OR bar_start > ${utc(4)})
         ORDER BY bar_start LIMIT $5`,
        [symbol, from, to, after ?? null, limit + 1],
      );
      return toPage(rows, limit, (row) => row.barStart);
    },
  };
}
export type BarsRepository = ReturnType<typeof createBarsRepository>;
