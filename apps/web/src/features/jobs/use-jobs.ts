import { useMemo, useRef } from 'react';
import { api } from '../../api/endpoints.ts';
import type { CatalogEntry, FlinkJob } from '../../api/types.ts';
import { useQuery } from '../../api/use-query.ts';
import { emptyRates, updateRates } from './throughput.ts';

export interface JobsView {
  jobs: FlinkJob[];
  catalog: CatalogEntry[];
  /** Source records per second, from the last two polls. */
  rates: Map<string, number>;
}

export function useJobs() {
  const query = useQuery(
    'jobs',
    async (signal) => {
      const [jobs, catalog] = await Promise.all([api.jobs(signal), api.catalog(signal)]);
      return { jobs: jobs.items, catalog: catalog.items, at: Date.now() };
    },
    5_000,
  );
  const rates = useRef(emptyRates());
  const data = useMemo<JobsView | undefined>(() => {
    if (!query.data) return undefined;
    const { jobs, catalog, at } = query.data;
    rates.current = updateRates(
      rates.current,
      jobs.map((job) => ({ id: job.id, recordsIn: job.recordsIn, at })),
    );
    return { jobs, catalog, rates: rates.current.rates };
  }, [query.data]);
  return { ...query, data };
}
