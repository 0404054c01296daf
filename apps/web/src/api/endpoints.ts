// One function per API route the dashboard uses (apps/api/src/routes).
import { request, type Paged } from './client.ts';
import type {
  AlertType,
  FlinkJob,
  OverviewCell,
  SpreadAlert,
  SpreadBar1s,
  StressPoint,
  SymbolSummary,
  WindowMetrics,
} from './types.ts';

type Signal = AbortSignal;
const iso = (ms: number): string => new Date(ms).toISOString();
const path = (symbol: string): string => encodeURIComponent(symbol);

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
    request<Paged<WindowMetrics>>(`/api/metrics/${path(q.symbol)}`, { query: range(q), signal }),
  latest: (signal: Signal) => request<{ items: WindowMetrics[] }>('/api/metrics/latest', { signal }),
  bars: (q: RangeQuery & { symbol: string }, signal: Signal) =>
    request<Paged<SpreadBar1s>>(`/api/bars/${path(q.symbol)}`, { query: range(q), signal }),
  alerts: (q: { type?: AlertType; since: number; limit?: number }, signal: Signal) =>
    request<{ items: SpreadAlert[] }>('/api/alerts', {
      query: { type: q.type, since: iso(q.since), limit: q.limit },
      signal,
    }),
  stress: (q: RangeQuery, signal: Signal) => request<Paged<StressPoint>>('/api/stress', { query: range(q), signal }),
  heatmap: (q: { windows: number }, signal: Signal) =>
    request<{ items: OverviewCell[] }>('/api/overview', { query: q, signal }),
  jobs: (signal: Signal) => request<{ jobs: FlinkJob[] }>('/api/jobs', { signal }),
  stopJob: (id: string, token: string) =>
    request<{ savepoint: string | null }>(`/api/jobs/${encodeURIComponent(id)}/stop`, {
      method: 'POST',
      body: {},
      token,
    }),
  cancelJob: (id: string, token: string) =>
    request<unknown>(`/api/jobs/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: {}, token }),
  submitJob: (name: string, token: string) =>
    request<unknown>('/api/jobs', { method: 'POST', body: { name }, token }),
};

export const STREAM_URL = '/api/stream';
