import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { useLiveEvents } from '../../api/use-live.ts';
import { useQuery } from '../../api/use-query.ts';
import { alertKey, mergeAlerts, type FeedAlert } from './alert-list.ts';

const HISTORY_MS = 60 * 60_000;

/** The last hour's alerts, then each new one as the stream delivers it. */
export function useAlerts() {
  const query = useQuery(
    'alerts',
    (signal) => api.alerts({ since: Date.now() - HISTORY_MS, limit: 300 }, signal),
    60_000,
  );
  const [alerts, setAlerts] = useState<FeedAlert[]>([]);
  useEffect(() => {
    if (query.data)
      setAlerts((current) =>
        mergeAlerts(current, query.data!.items.map((alert) => ({ ...alert, key: alertKey(alert), receivedAt: undefined }))),
      );
  }, [query.data]);
  useLiveEvents((event) => {
    if (event.kind !== 'alert') return;
    const receivedAt = performance.now();
    setAlerts((current) => mergeAlerts(current, [{ ...event.data, key: alertKey(event.data), receivedAt }]));
  });
  return { ...query, data: query.data && alerts };
}
