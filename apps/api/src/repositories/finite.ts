// PostgreSQL's double precision holds NaN and ±Infinity, which JSON cannot carry (and the response
// serializer refuses): every repository passes its rows through here, so such a value is served as null and
// its field is named in the row's `nonFinite` list, telling it apart from a value that is simply absent.
export type WithNonFinite<T> = T & { nonFinite: string[] };
/** A row as PostgreSQL returns it, before finiteRow. */
export type Stored<T> = Omit<T, 'nonFinite'>;

export function finiteRow<T extends object>(row: T): WithNonFinite<T> {
  const nonFinite: string[] = [];
  const served: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const [field, value] of Object.entries(served)) {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      served[field] = null;
      nonFinite.push(field);
    }
  }
  return { ...(served as T), nonFinite };
}
