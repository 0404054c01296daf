// The live stream's change log (live_changes, filled by deferred triggers on the three sink tables; the
// migration says why its numbers follow commit order). Each read takes one REPEATABLE READ snapshot, so the
// head, the pruning horizon and the pages agree: everything up to the head is final, none of it can still
// appear later.
import type pg from 'pg';
import type { Alert, Bar, WindowMetrics } from '../schemas/rows.ts';
import { alertColumns } from './alerts.ts';
import { barColumns } from './bars.ts';
import { metricsColumns } from './metrics.ts';
import { finiteRow, type Stored } from './finite.ts';

export interface Sequenced<T> {
  seq: number;
  row: T;
}

export interface Changes {
  /** Read up to here (the head, or less when asked): no change at or below it can still appear. */
  upper: number;
  /** Changes up to here may have been pruned. */
  prunedThrough: number;
  window: Sequenced<WindowMetrics>[];
  bar: Sequenced<Bar>[];
  alert: Sequenced<Alert>[];
}

// The row as written, back in its table's row type, so the repositories' column lists and the pool's type
// parsers serve it exactly like a row read from the table.
const page = (kind: string, table: string, columns: string): string =>
  `SELECT c.seq, ${columns}
   FROM live_changes c CROSS JOIN LATERAL jsonb_populate_record(NULL::${table}, c.data) r
   WHERE c.kind = '${kind}' AND c.seq > $1 AND c.seq <= $2 ORDER BY c.seq LIMIT $3`;

const pages = {
  window: page('window', 'spread_metrics', metricsColumns),
  bar: page('bar', 'spread_bars_1s', barColumns),
  alert: page('alert', 'spread_alerts', alertColumns),
};

export function createChangesRepository(pool: pg.Pool) {
  const snapshot = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  const bounds = async (client: pg.Pool | pg.PoolClient) =>
    (
      await client.query<{ head: number; prunedThrough: number }>(
        `SELECT greatest((SELECT max(seq) FROM live_changes), pruned_through) AS head,
                pruned_through AS "prunedThrough"
         FROM live_changes_horizon`,
      )
    ).rows[0]!;
  const read = async <T extends object>(
    client: pg.PoolClient,
    text: string,
    after: number,
    upper: number,
    limit: number,
  ): Promise<Sequenced<T>[]> => {
    const { rows } = await client.query<Stored<T> & { seq: number }>(text, [after, upper, limit]);
    return rows.map(({ seq, ...row }) => ({ seq, row: finiteRow(row) as T }));
  };
  return {
    /** The head: where a stream that starts now begins. */
    head: async () => (await bounds(pool)).head,

    /** Up to `limit` changes of each kind with after < seq <= min(until, head), oldest first. */
    between: (after: number, until: number | undefined, limit: number): Promise<Changes> =>
      snapshot(async (client) => {
        const { head: last, prunedThrough } = await bounds(client);
        const upper = Math.min(until ?? last, last);
        return {
          upper,
          prunedThrough,
          window: await read<WindowMetrics>(client, pages.window, after, upper, limit),
          bar: await read<Bar>(client, pages.bar, after, upper, limit),
          alert: await read<Alert>(client, pages.alert, after, upper, limit),
        };
      }),

    /**
     * Deletes changes older than `retentionS`, oldest first and at most `batch` of them, as one prefix of
     * the numbers, and moves the horizon over it in the same transaction. Returns how many went.
     */
    async prune(retentionS: number, batch: number): Promise<number> {
      const { rows } = await pool.query<{ pruned: number }>(
        `WITH oldest AS (SELECT seq, changed_at FROM live_changes ORDER BY seq LIMIT $2),
              kept AS (SELECT min(seq) AS seq FROM oldest
                       WHERE changed_at >= now() - $1 * interval '1 second'),
              upto AS (SELECT max(oldest.seq) AS seq FROM oldest, kept
                       WHERE kept.seq IS NULL OR oldest.seq < kept.seq),
              deleted AS (DELETE FROM live_changes WHERE seq <= (SELECT seq FROM upto) RETURNING seq),
              moved AS (UPDATE live_changes_horizon
                        SET pruned_through = greatest(pruned_through, (SELECT seq FROM upto))
                        WHERE (SELECT seq FROM upto) IS NOT NULL)
         SELECT count(*)::int AS pruned FROM deleted`,
        [retentionS, batch],
      );
      return rows[0]!.pruned;
    },
  };
}
export type ChangesRepository = ReturnType<typeof createChangesRepository>;
