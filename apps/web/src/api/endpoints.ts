// One function per API route the dashboard uses (apps/api/src/routes).
import { request, type Paged } from './client.ts';
import type {
  AlertType,
  CatalogEntry,
  DeadLetter,
  FlinkJob,
  HeatmapMetric,
  JobLateEvents,
  LateEventCount,
  Overview,
  RejectCount,
  RejectTotal,
  SpreadAlert,
  SpreadBar1s,
  StressPoint,
  SymbolSummary,
  WindowMetrics,
} from './types.ts';

type Signal = AbortSignal;
const iso = (ms: number): string => new Date(ms).toISOString();
const segment = (value: string): string => encodeURIComponent(value);

interface RangeQuery {
  from: number;
  to: number;
  limit?: number;
  after?: string | undefined;
}
const range = (q: RangeQuery) => ({ from: iso(q.from), to: iso(q.to), limit: q.limit, after: q.after });

export const api = {
  symbols: (signal: Signal) => request<{ items: SymbolSummary[] }>('/api/symbols', { signal }),
  metrics: (q: RangeQuery & { symbol: string }, signal: Signal) =>
    request<Paged<WindowMetrics>>(`/api/symbols/${segment(q.symbol)}/metrics`, { query: range(q), signal }),
  bars: (q: RangeQuery & { symbol: string }, signal: Signal) =>
    request<Paged<SpreadBar1s>>(`/api/symbols/${segment(q.symbol)}/bars`, { query: range(q), signal }),
  latest: (signal: Signal) => request<{ items: WindowMetrics[] }>('/api/metrics/latest', { signal }),
  alerts: (
    q: { type?: AlertType; since: number; limit?: number; cursor?: string | undefined },
    signal: Signal,
  ) =>
    request<{ items: SpreadAlert[]; next: string | null }>('/api/alerts', {
      query: { type: q.type, since: iso(q.since), limit: q.limit, cursor: q.cursor },
      signal,
    }),
  stress: (q: RangeQuery, signal: Signal) =>
    request<Paged<StressPoint>>('/api/stress', { query: range(q), signal }),
  overview: (windows: number, metric: HeatmapMetric, signal: Signal) =>
    request<Overview>('/api/overview', { query: { windows, metric }, signal }),
  rejects: (q: { from: number; to: number; limit?: number }, signal: Signal) =>
    request<{ items: RejectCount[]; totals: RejectTotal[]; next: string | null }>('/api/rejects', {
      query: { from: iso(q.from), to: iso(q.to), limit: q.limit },
      signal,
    }),
  deadLetters: (limit: number, signal: Signal) =>
    request<{ items: DeadLetter[]; next: string | null }>('/api/rejects/events', {
      query: { limit },
      signal,
    }),
  lateEvents: (q: { from: number; to: number; limit?: number }, signal: Signal) =>
    request<{ items: LateEventCount[]; totals: JobLateEvents[]; next: string | null }>('/api/late-events', {
      query: { from: iso(q.from), to: iso(q.to), limit: q.limit },
      signal,
    }),
  jobs: (signal: Signal) => request<{ items: FlinkJob[] }>('/api/jobs', { signal }),
  catalog: (signal: Signal) => request<{ items: CatalogEntry[] }>('/api/jobs/catalog', { signal }),
  jobAction: (job: string, action: 'stop' | 'cancel' | 'submit', token: string) =>
    request<unknown>(`/api/jobs/catalog/${segment(job)}/${action}`, {
      method: 'POST',
      token,
      ...(action === 'submit' ? { body: {} } : {}),
    }),
};

export const STREAM_URL = '/api/live';
