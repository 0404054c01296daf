// Shares one in-flight or recent result among callers for ttlMs: under load, a hot read runs once per
// interval instead of once per request. A failure is not kept.
export function memoize<T>(
  load: () => Promise<T>,
  ttlMs: number,
  now: () => number = Date.now,
): () => Promise<T> {
  let cached: { value: Promise<T>; at: number } | undefined;
  return () => {
    if (cached && now() - cached.at < ttlMs) return cached.value;
    const value = load();
    const entry = { value, at: now() };
    cached = entry;
    value.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return value;
  };
}
