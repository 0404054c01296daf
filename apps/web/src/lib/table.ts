// Sorting and filtering of the windowed metrics table: stable, with missing values always last.

export type SortDirection = 'asc' | 'desc';

export interface SortState<Key extends string> {
  key: Key;
  direction: SortDirection;
}

type Sortable = string | number | boolean | null | undefined;

function compareValues(a: Sortable, b: Sortable): number {
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b);
  return Number(a) - Number(b);
}

const missing = (value: Sortable): boolean =>
  value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));

export function sortRows<Row, Key extends string>(
  rows: readonly Row[],
  sort: SortState<Key>,
  valueOf: (row: Row, key: Key) => Sortable,
): Row[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row, sort.key) }))
    .sort((a, b) => {
      const [ma, mb] = [missing(a.value), missing(b.value)];
      if (ma || mb) return ma === mb ? a.index - b.index : ma ? 1 : -1;
      return sign * compareValues(a.value, b.value) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** Clicking the sorted column flips its direction; another column starts descending (largest first). */
export function nextSort<Key extends string>(current: SortState<Key>, key: Key): SortState<Key> {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: 'desc' };
}

/**
 * Keeps rows whose symbol matches the filter: comma- or space-separated terms, each a case-insensitive
 * prefix; an empty filter keeps everything.
 */
export function filterBySymbol<Row extends { symbol: string }>(rows: readonly Row[], filter: string): Row[] {
  const terms = filter
    .toUpperCase()
    .split(/[\s,]+/)
    .filter((term) => term !== '');
  if (terms.length === 0) return [...rows];
  return rows.filter((row) => terms.some((term) => row.symbol.toUpperCase().startsWith(term)));
}
