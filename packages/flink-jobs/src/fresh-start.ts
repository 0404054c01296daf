// Where a job started without state begins computing: after the newest window its table already holds. It
// reads the topic from the earliest offset, so every window from there on is complete, and the finished
// windows before it are never written again from a part of their events.
import pg from 'pg';
import type { Namespace } from './namespace.ts';

/** Each job's table of finished windows and the column holding a window's end. */
const finishedWindows: Record<string, { table: string; end: string }> = {
  'spread-metrics': { table: 'spread_metrics', end: 'window_end' },
  'spread-bars-1s': { table: 'spread_bars_1s', end: 'bar_end' },
};

/** The placeholder values of a job started without state (Flink SQL TIMESTAMP literal text). */
export async function freshStartValues(
  databaseUrl: string,
  namespace: Namespace,
  job: string,
): Promise<Record<string, string>> {
  const finished = finishedWindows[job];
  // A job of another catalog (a test's, a benchmark's) has no table of ours to start after.
  if (!finished) return { STARTUP_MODE: 'earliest-offset', FRESH_FROM: '1970-01-01 00:00:00' };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ newest: string | null }>(
      `SELECT to_char(max(${finished.end}), 'YYYY-MM-DD HH24:MI:SS.MS') AS newest FROM "${namespace.schema}".${finished.table}`,
    );
    return { STARTUP_MODE: 'earliest-offset', FRESH_FROM: rows[0]?.newest ?? '1970-01-01 00:00:00' };
  } finally {
    await client.end();
  }
}
