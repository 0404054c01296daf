import { useEffect, useState } from 'react';
import { allPages } from '../../api/client.ts';
import { api } from '../../api/endpoints.ts';
import { useLiveEvents } from '../../api/use-live.ts';
import { useQuery } from '../../api/use-query.ts';
import { alertKey, mergeAlerts, type FeedAlert } from './alert-list.ts';

const HISTORY_MS = 30 * 60_000;

/** The last 30 minutes' alerts (the newest 300 kept), then each new one as the stream delivers it. */
export function useAlerts() {
  // Pages come oldest first: read them all (bounded), the feed keeps the newest.
  const query = useQuery(
    'alerts',
    async (signal) => {
      const since = Date.now() - HISTORY_MS;
      return allPages(async (after) => {
        const page = await api.alerts({ since, limit: 1000, cursor: after }, signal);
        return { items: page.items, nextAfter: page.next };
      }, 10_000);
    },
    60_000,
  );
  const [alerts, setAlerts] = useState<FeedAlert[]>([]);
  useEffect(() => {
    if (query.data)
      setAlerts((current) =>
        mergeAlerts(
          current,
          query.data!.map((alert) => ({ ...alert, key: alertKey(alert), receivedAt: undefined })),
        ),
      );
  }, [query.data]);
  useLiveEvents((event) => {
    if (event.kind !== 'alert') return;
    const receivedAt = performance.now();
    setAlerts((current) => mergeAlerts(current, [{ ...event.data, key: alertKey(event.data), receivedAt }]));
  });
  return { ...query, data: query.data && alerts };
}
