// Data fetching for panels: loads on mount and when its key changes, refreshes every `refreshMs` and
// whenever the live stream reconnects (the API is back), retries failures with backoff. Keeps the last
// data while refreshing so panels do not flash.
import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { backoffDelay } from '../lib/backoff.ts';
import { LiveContext } from './live-context.ts';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  refresh: () => void;
}

export function useQuery<T>(
  key: string,
  fetcher: (signal: AbortSignal) => Promise<T>,
  refreshMs = 10_000,
): QueryState<T> {
  const { generation } = useContext(LiveContext);
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const fetcherRef = useRef(fetcher);
  useLayoutEffect(() => {
    fetcherRef.current = fetcher;
  });
  const keyRef = useRef(key);

  useEffect(() => {
    if (keyRef.current !== key) {
      keyRef.current = key;
      setData(undefined);
    }
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const run = async (): Promise<void> => {
      setLoading(true);
      try {
        const result = await fetcherRef.current(controller.signal);
        attempt = 0;
        setData(result);
        setError(undefined);
        timer = setTimeout(() => void run(), refreshMs);
      } catch (caught) {
        if (controller.signal.aborted) return;
        setError(caught instanceof Error ? caught : new Error(String(caught)));
        timer = setTimeout(() => void run(), Math.min(refreshMs, backoffDelay(attempt++, Math.random())));
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    };
    void run();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [key, refreshMs, generation, tick]);

  return { data, error, loading, refresh: () => setTick((value) => value + 1) };
}
