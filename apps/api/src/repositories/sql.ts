// SQL fragments shared by the repositories (constants only: values always travel as parameters).
import type pg from 'pg';
import { finiteRow, type WithNonFinite } from './finite.ts';

/** Parameter $n (an ISO 8601 instant) as the UTC wall-clock timestamp the sink tables store. */
export const utc = (n: number): string => `($${n}::timestamptz AT TIME ZONE 'UTC')`;

/** written_at in microseconds since the epoch: the live stream's cursor. */
export const cursorUs = `(extract(epoch FROM written_at) * 1000000)::bigint`;

export interface PageResult<T> {
  items: T[];
  nextAfter: string | null;
}

/** A page from limit + 1 rows: the extra row only says that there is a next page. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => string | null): PageResult<T> {
  const items = rows.slice(0, limit);
  return { items, nextAfter: rows.length > limit ? key(items[items.length - 1]!) : null };
}

export interface RangeQuery {
  symbol: string;
  from: string;
  to: string;
  after: string | undefined;
  limit: number;
}

/**
 * One symbol's rows of a sink table in [from, to), oldest first, paged by `after` on the time column.
 * Table, columns and time column are constants of the calling repository, never client input.
 */
export function symbolRange<T extends object>(
  pool: pg.Pool,
  source: { table: string; columns: string; timeColumn: string; key: (row: T) => string | null },
) {
  const { table, columns, timeColumn, key } = source;
  return async ({ symbol, from, to, after, limit }: RangeQuery): Promise<PageResult<WithNonFinite<T>>> => {
    const { rows } = await pool.query<T & pg.QueryResultRow>(
      `SELECT ${columns} FROM ${table}
       WHERE symbol = $1 AND ${timeColumn} >= ${utc(2)} AND ${timeColumn} < ${utc(3)}
         AND ($4::timestamptz IS NULL OR ${timeColumn} > ${utc(4)})
       ORDER BY ${timeColumn} LIMIT $5`,
      [symbol, from, to, after ?? null, limit + 1],
    );
    return toPage(rows.map(finiteRow), limit, key);
  };
}
