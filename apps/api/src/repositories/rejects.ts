// Dead letters of the Flink jobs (rejected_events): counts per symbol, window and reason of the rows
// written in a time range, with totals per reason, and the newest dead letters with their raw bytes.
import type pg from 'pg';
import type { DeadLetter, RejectCount, RejectTotal } from '../schemas/rows.ts';
import { base64, printableText } from './bytes.ts';
import { encodeKeyCursor } from './key-cursor.ts';
import { cursorUs, utc } from './sql.ts';

/** Sort key of a count: window start, symbol (both null for undecodable messages), reason. */
export type RejectCountKey = [windowStart: string | null, symbol: string | null, reason: string];
/** Sort key of a dead letter, newest first: written_at in microseconds, topic, partition, offset. */
export type DeadLetterKey = [writtenAtUs: number, topic: string, partition: number, offset: number];

export interface RejectCountsQuery {
  from: string;
  to: string;
  symbol: string | undefined;
  reason: string | undefined;
  after: RejectCountKey | undefined;
  limit: number;
}

export interface DeadLettersQuery {
  reason: string | undefined;
  before: DeadLetterKey | undefined;
  limit: number;
}

// Rows written in [from, to) ($1, $2), of a symbol ($3) and a reason ($4) when given.
const scope = `written_at >= $1::timestamptz AND written_at < $2::timestamptz
  AND ($3::text IS NULL OR symbol = $3) AND ($4::text IS NULL OR reason = $4)`;
// Nulls sort first, and a null never equals a value (an empty symbol is not an undecodable message).
const countKey = (windowStart: string, symbol: string, reason: string): string =>
  `(${windowStart} IS NOT NULL, coalesce(${windowStart}, '-infinity'::timestamp),
    ${symbol} IS NOT NULL, coalesce(${symbol}, ''), ${reason})`;

interface DeadLetterRow extends Omit<DeadLetter, 'key' | 'keyText' | 'value'> {
  key: Buffer | null;
  value: Buffer | null;
  cursorUs: number;
}

const deadLetter = (row: DeadLetterRow): DeadLetter => ({
  topic: row.topic,
  partition: row.partition,
  offset: row.offset,
  key: base64(row.key),
  keyText: printableText(row.key),
  value: base64(row.value),
  reason: row.reason,
  detail: row.detail,
  symbol: row.symbol,
  eventTime: row.eventTime,
  windowStart: row.windowStart,
  writtenAt: row.writtenAt,
});

export function createRejectsRepository(pool: pg.Pool) {
  return {
    async counts({
      from,
      to,
      symbol,
      reason,
      after,
      limit,
    }: RejectCountsQuery): Promise<{ items: RejectCount[]; totals: RejectTotal[]; next: string | null }> {
      const filter = [from, to, symbol ?? null, reason ?? null];
      const [counts, totals] = await Promise.all([
        pool.query<RejectCount>(
          `SELECT symbol, window_start AS "windowStart", reason, count(*)::int AS count,
                  max(written_at) AS "lastWrittenAt"
           FROM rejected_events WHERE ${scope}
           GROUP BY symbol, window_start, reason
           HAVING NOT $5::boolean
             OR ${countKey('window_start', 'symbol', 'reason')} > ${countKey(utc(6), '$7::text', '$8::text')}
           ORDER BY ${countKey('window_start', 'symbol', 'reason')} LIMIT $9`,
          [
            ...filter,
            after !== undefined,
            after?.[0] ?? null,
            after?.[1] ?? null,
            after?.[2] ?? '',
            limit + 1,
          ],
        ),
        pool.query<RejectTotal>(
          `SELECT reason, count(*)::int AS count FROM rejected_events WHERE ${scope}
           GROUP BY reason ORDER BY count DESC, reason`,
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
            ? encodeKeyCursor([last.windowStart, last.symbol, last.reason])
            : null,
      };
    },

    /** The newest dead letters, optionally of one reason, before a cursor. */
    async newest({
      reason,
      before,
      limit,
    }: DeadLettersQuery): Promise<{ items: DeadLetter[]; next: string | null }> {
      const { rows } = await pool.query<DeadLetterRow>(
        `SELECT kafka_topic AS topic, kafka_partition AS partition, kafka_offset AS "offset",
                kafka_key AS key, raw_value AS value, reason, detail, symbol, event_time AS "eventTime",
                window_start AS "windowStart", written_at AS "writtenAt", ${cursorUs} AS "cursorUs"
         FROM rejected_events
         WHERE ($1::text IS NULL OR reason = $1)
           AND ($2::bigint IS NULL OR (written_at, kafka_topic, kafka_partition, kafka_offset)
             < ('epoch'::timestamptz + $2::bigint * interval '1 microsecond', $3, $4, $5))
         ORDER BY written_at DESC, kafka_topic DESC, kafka_partition DESC, kafka_offset DESC LIMIT $6`,
        [
          reason ?? null,
          before?.[0] ?? null,
          before?.[1] ?? '',
          before?.[2] ?? 0,
          before?.[3] ?? 0,
          limit + 1,
        ],
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(deadLetter),
        next:
          rows.length > limit && last
            ? encodeKeyCursor([last.cursorUs, last.topic, last.partition, last.offset])
            : null,
      };
    },
  };
}
export type RejectsRepository = ReturnType<typeof createRejectsRepository>;
