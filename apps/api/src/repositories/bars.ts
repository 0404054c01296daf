// 1-second spread bars (spread_bars_1s) of a symbol over a time range.
import type pg from 'pg';
import type { Bar } from '../schemas/rows.ts';
import type { Stored } from './finite.ts';
import { symbolRange } from './sql.ts';

export const barColumns = `symbol, bar_start AS "barStart", bar_end AS "barEnd", quote_count AS "quoteCount",
  avg_spread_bps AS "avgSpreadBps", min_spread_bps AS "minSpreadBps", max_spread_bps AS "maxSpreadBps",
  last_mid AS "lastMid", written_at AS "writtenAt"`;

export function createBarsRepository(pool: pg.Pool) {
  return {
    range: symbolRange<Stored<Bar>>(pool, {
      table: 'spread_bars_1s',
      columns: barColumns,
      timeColumn: 'bar_start',
      key: (row) => row.barStart,
    }),
  };
}
export type BarsRepository = ReturnType<typeof createBarsRepository>;
