// The API's shapes (apps/api/src/schemas), as the dashboard reads them. Timestamps are ISO 8601 UTC.

export interface WindowMetrics {
  symbol: string;
  windowStart: string;
  windowEnd: string;
  quoteCount: number;
  tradeCount: number;
  avgSpreadBps: number | null;
  minSpreadBps: number | null;
  maxSpreadBps: number | null;
  stdSpreadBps: number | null;
  liquidityScore: number | null;
  quoteToTradeRatio: number | null;
  orderImbalance: number | null;
  volume: number;
  vwap: number | null;
  avgStress: number | null;
  avgEffectiveSpreadBps: number | null;
  spreadAnomaly: boolean;
  isOptimal: boolean;
}

export interface SpreadBar1s {
  symbol: string;
  barStart: string;
  barEnd: string;
  quoteCount: number;
  avgSpreadBps: number | null;
  minSpreadBps: number | null;
  maxSpreadBps: number | null;
  lastMid: number | null;
}

export const ALERT_TYPES = ['spread_anomaly', 'liquidity_crisis', 'optimal_window'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

export interface SpreadAlert {
  symbol: string;
  windowStart: string;
  windowEnd: string;
  alertType: AlertType;
  avgSpreadBps: number | null;
  maxSpreadBps: number | null;
  stdSpreadBps: number | null;
  orderImbalance: number | null;
  baselineAvgSpreadBps: number | null;
  writtenAt: string | null;
  /** When Flink emitted it to the alerts topic; set on alerts pushed live from the topic. */
  emittedAt?: string;
}

export interface StressPoint {
  windowStart: string;
  avgStress: number | null;
  avgSpreadBps: number | null;
  symbols: number;
  anomalies: number;
}

/** GET /api/overview: one metric, a row of values per symbol over the window starts. */
export interface Overview {
  windowStarts: string[];
  symbols: string[];
  values: (number | null)[][];
  nonFinite: [number, number][];
}
export type HeatmapMetric = 'avgSpreadBps' | 'liquidityScore';

export interface SymbolSummary {
  symbol: string;
  lastWindowStart: string | null;
  lastBarStart: string | null;
}

export interface FlinkJob {
  id: string;
  name: string;
  state: string;
  startTime: string;
  uptimeMs: number;
  /** Records emitted by the sources. */
  recordsIn: number | null;
  recordsOut: number | null;
  lastCheckpoint: { id: number; triggeredAt: string; durationMs: number; path: string } | null;
  /** Busiest vertex's share of time back-pressured, 0..1. */
  backpressure: number | null;
  watermarkLagMs: number | null;
  uiLink: string;
  /** Late events the namespace counted for this catalog job (all its runs); null when not of the catalog. */
  lateEvents: LateEventsTotal | null;
  /** Events this run's window operators dropped as late, unseen by the job's own log (after a restore). */
  lateDroppedByWindows: number | null;
}

export interface LateEventsTotal {
  count: number;
  lastWrittenAt: string | null;
}

/** Rejected events per symbol, 1-minute window and reason; symbol and window null when undecodable. */
export interface RejectCount {
  symbol: string | null;
  windowStart: string | null;
  /** A reason code: not_avro, crossed_market, invalid_price, ... */
  reason: string;
  count: number;
  lastWrittenAt: string;
}

export interface RejectTotal {
  reason: string;
  count: number;
}

/** A Kafka message a Flink job rejected; key and value are base64. */
export interface DeadLetter {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  /** The key as text when it is printable UTF-8. */
  keyText: string | null;
  value: string | null;
  reason: string;
  detail: string;
  symbol: string | null;
  eventTime: string | null;
  windowStart: string | null;
  writtenAt: string;
}

export interface LateEventCount {
  /** Catalog job name: spread-metrics or spread-bars-1s. */
  job: string;
  symbol: string;
  windowStart: string;
  lateCount: number;
  maxEventTime: string;
  writtenAt: string;
}

export interface JobLateEvents extends LateEventsTotal {
  job: string;
}

export interface CatalogEntry {
  /** Catalog name, e.g. spread-metrics. */
  job: string;
  /** Flink job name in the API's namespace. */
  name: string;
  activeJobId: string | null;
  activeState: string | null;
}

export type LiveEvent =
  | { kind: 'window'; data: WindowMetrics }
  | { kind: 'bar'; data: SpreadBar1s }
  | { kind: 'alert'; data: SpreadAlert }
  /** The server could not replay everything missed: reload. */
  | { kind: 'gap'; data: unknown };

const KINDS = new Set(['window', 'bar', 'alert', 'gap']);

export function parseLiveEvent(event: string, data: string): LiveEvent | undefined {
  if (!KINDS.has(event)) return undefined;
  return { kind: event, data: JSON.parse(data) } as LiveEvent;
}
