// Row-set comparison for the oracle tests: the same keys on both sides, booleans and strings exactly,
// numbers to a relative tolerance. Returns readable differences (empty when equal).
type Row = Record<string, unknown>;

export function compareRows(
  actual: Row[],
  expected: Row[],
  keyColumns: string[],
  relativeTolerance = 1e-9,
): string[] {
  const key = (row: Row): string => keyColumns.map((column) => String(row[column])).join(' ');
  const actualByKey = new Map(actual.map((row) => [key(row), row]));
  const expectedByKey = new Map(expected.map((row) => [key(row), row]));
  const differences: string[] = [];
  if (actualByKey.size !== actual.length) differences.push('duplicate keys in the actual rows');
  for (const k of expectedByKey.keys()) if (!actualByKey.has(k)) differences.push(`missing row ${k}`);
  for (const k of actualByKey.keys()) if (!expectedByKey.has(k)) differences.push(`extra row ${k}`);
  for (const [k, want] of expectedByKey) {
    const got = actualByKey.get(k);
    if (!got) continue;
    for (const [column, value] of Object.entries(want)) {
      if (!valuesMatch(got[column], value, relativeTolerance)) {
        differences.push(`${k} ${column}: got ${String(got[column])}, want ${String(value)}`);
      }
    }
  }
  return differences;
}

function valuesMatch(got: unknown, want: unknown, relativeTolerance: number): boolean {
  // Counts are whole numbers far below 2^53: a relative tolerance of 1e-9 still compares them exactly.
  if (typeof got === 'number' && typeof want === 'number') {
    return Math.abs(got - want) <= relativeTolerance * Math.max(Math.abs(got), Math.abs(want));
  }
  return got === want;
}
