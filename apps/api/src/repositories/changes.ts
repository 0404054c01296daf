// Rows written to the sink tables after a cursor (written_at in microseconds), for the live stream.
import type pg from 'pg';
import type { Alert, Bar, WindowMetrics } from '../schemas/rows.ts';
import { alertColumns } from './alerts.ts';
import { barColumns } from './bars.ts';
import { metricsColumns } from './metrics.ts';
import { finiteRow, type Stored } from './finite.ts';
import { cursorUs } from './sql.ts';

export interface Cursored<T> {
  cursorUs: number;
  row: T;
}

export interface Changes {
  window: Cursored<WindowMetrics>[];
  bar: Cursored<Bar>[];
  alert: Cursored<Alert>[];
}

const microseconds = (n: number): string =>
  `(timestamptz 'epoch' + $${n}::bigint * interval '1 microsecond')`;

export function createChangesRepository(pool: pg.Pool) {
  const read = async <T extends object>(
    table: string,
    columns: string,
    after: number,
    upper: number,
    limit: number,
  ) => {
    const { rows } = await pool.query<Stored<T> & { cursorUs: number }>(
      `SELECT ${cursorUs} AS "cursorUs", ${columns} FROM ${table}
       WHERE written_at > ${microseconds(1)} AND written_at <= ${microseconds(2)}
       ORDER BY written_at LIMIT $3`,
      [after, upper, limit],
    );
    return rows.map(({ cursorUs: cursor, ...row }) => ({ cursorUs: cursor, row: finiteRow(row) as T }));
  };
  return {
    /** The cursor of rows old enough to be committed: now minus the settle time. */
    async settledCursor(settleMs: number): Promise<number> {
      const { rows } = await pool.query<{ upper: number }>(
        `SELECT (extract(epoch FROM now() - $1 * interval '1 millisecond') * 1000000)::bigint AS upper`,
        [settleMs],
      );
      return rows[0]!.upper;
    },

    /** Up to `limit` rows of each table with after < written_at <= upper, oldest first. */
    async between(after: number, upper: number, limit: number): Promise<Changes> {
      const [window, bar, alert] = await Promise.all([
        read<WindowMetrics>('spread_metrics', metricsColumns, after, upper, limit),
        read<Bar>('spread_bars_1s', barColumns, after, upper, limit),
        read<Alert>('spread_alerts', alertColumns, after, upper, limit),
      ]);
      return { window, bar, alert };
    },
  };
}
export type ChangesRepository = ReturnType<typeof createChangesRepository>;
