// Late events (late_event_counts over the late_events log): what the Flink jobs counted as arriving after the watermark had closed the
// window, per job, symbol and 1-minute window; totals per job for the jobs list.
import type pg from 'pg';
import type { JobLateEvents, LateEventCount, LateEventsTotal } from '../schemas/rows.ts';
import { encodeKeyCursor } from './key-cursor.ts';
import { utc } from './sql.ts';

/** Sort key of a count: window start, job, symbol. */
export type LateEventKey = [windowStart: string, job: string, symbol: string];

export interface LateEventsQuery {
  from: string;
  to: string;
  job: string | undefined;
  symbol: string | undefined;
  after: LateEventKey | undefined;
  limit: number;
}

// Windows starting in [from, to) ($1, $2), of a job ($3) and a symbol ($4) when given.
const scope = `window_start >= ${utc(1)} AND window_start < ${utc(2)}
  AND ($3::text IS NULL OR job = $3) AND ($4::text IS NULL OR symbol = $4)`;

export function createLateEventsRepository(pool: pg.Pool) {
  return {
    async range({
      from,
      to,
      job,
      symbol,
      after,
      limit,
    }: LateEventsQuery): Promise<{ items: LateEventCount[]; totals: JobLateEvents[]; next: string | null }> {
      const filter = [from, to, job ?? null, symbol ?? null];
      const [counts, totals] = await Promise.all([
        pool.query<LateEventCount>(
          `SELECT job, symbol, window_start AS "windowStart", late_count AS "lateCount",
                  max_event_time AS "maxEventTime", written_at AS "writtenAt"
           FROM late_event_counts WHERE ${scope}
             AND ($5::timestamptz IS NULL OR (window_start, job, symbol) > (${utc(5)}, $6, $7))
           ORDER BY window_start, job, symbol LIMIT $8`,
          [...filter, after?.[0] ?? null, after?.[1] ?? '', after?.[2] ?? '', limit + 1],
        ),
        pool.query<JobLateEvents>(
          `SELECT job, sum(late_count)::bigint AS count, max(written_at) AS "lastWrittenAt"
           FROM late_event_counts WHERE ${scope} GROUP BY job ORDER BY job`,
          filter,
        ),
      ]);
      const items = counts.rows.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items,
        totals: totals.rows,
        next:
          counts.rows.length > limit && last
            ? encodeKeyCursor([last.windowStart, last.job, last.symbol])
            : null,
      };
    },

    /** Every job's late events in the namespace (all windows), keyed by catalog job name. */
    async totalsByJob(): Promise<Map<string, LateEventsTotal>> {
      const { rows } = await pool.query<JobLateEvents>(
        `SELECT job, sum(late_count)::bigint AS count, max(written_at) AS "lastWrittenAt"
         FROM late_event_counts GROUP BY job`,
      );
      return new Map(rows.map(({ job, ...total }) => [job, total]));
    },
  };
}
export type LateEventsRepository = ReturnType<typeof createLateEventsRepository>;
