// SQL fragments shared by the repositories (constants only: values always travel as parameters).

/** Parameter $n (an ISO 8601 instant) as the UTC wall-clock timestamp the sink tables store. */
export const utc = (n: number): string => `($${n}::timestamptz AT TIME ZONE 'UTC')`;

/** written_at in microseconds since the epoch: the live stream's cursor. */
export const cursorUs = `(extract(epoch FROM written_at) * 1000000)::bigint`;

export interface PageResult<T> {
  items: T[];
  nextAfter: string | null;
}

/** A page from limit + 1 rows: the extra row only says that there is a next page. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => string): PageResult<T> {
  const items = rows.slice(0, limit);
  return { items, nextAfter: rows.length > limit ? key(items[items.length - 1]!) : null };
}
