import { useMemo, useRef } from 'react';
import { api } from '../../api/endpoints.ts';
import type { CatalogEntry, FlinkJob } from '../../api/types.ts';
import { useQuery } from '../../api/use-query.ts';
import { throughput, type RecordSample } from './throughput.ts';

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
  const samples = useRef(new Map<string, RecordSample>());
  const rates = useRef(new Map<string, number>());
  const data = useMemo<JobsView | undefined>(() => {
    if (!query.data) return undefined;
    const current = query.data.jobs.map((job) => ({ id: job.id, recordsIn: job.recordsIn, at: query.data!.at }));
    const next = throughput(samples.current, current);
    if (next.size > 0) rates.current = next;
    samples.current = new Map(current.map((sample) => [sample.id, sample]));
    return { jobs: query.data.jobs, catalog: query.data.catalog, rates: rates.current };
  }, [query.data]);
  return { ...query, data };
}
