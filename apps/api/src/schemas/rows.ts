// Response shapes of the sink tables' rows. Times are ISO 8601 UTC strings.
import { Type, type Static } from 'typebox';
import { NonFinite, Nullable } from './common.ts';

const num = Nullable(Type.Number({ description: 'null when absent or not finite (see nonFinite)' }));
const time = Type.String({ format: 'date-time' });
// Times of the windows, bars and alerts tables: null where PostgreSQL holds one RFC 3339 cannot carry.
const unrepresentable = 'null when stored as ±infinity, BC or after year 9999';
const storedTime = Nullable(Type.String({ format: 'date-time', description: unrepresentable }));

export const WindowMetrics = Type.Object({
  symbol: Type.String(),
  windowStart: storedTime,
  windowEnd: storedTime,
  quoteCount: Type.Integer(),
  tradeCount: Type.Integer(),
  avgSpreadBps: num,
  minSpreadBps: num,
  maxSpreadBps: num,
  stdSpreadBps: num,
  liquidityScore: num,
  quoteToTradeRatio: num,
  orderImbalance: num,
  volume: Type.Integer(),
  vwap: num,
  avgStress: num,
  avgEffectiveSpreadBps: num,
  spreadAnomaly: Type.Boolean(),
  isOptimal: Type.Boolean(),
  writtenAt: storedTime,
  nonFinite: NonFinite,
});
export type WindowMetrics = Static<typeof WindowMetrics>;

export const ALERT_TYPES = ['spread_anomaly', 'liquidity_crisis', 'optimal_window'] as const;
export const AlertType = Type.Union([
  Type.Literal('spread_anomaly'),
  Type.Literal('liquidity_crisis'),
  Type.Literal('optimal_window'),
]);
export type AlertType = Static<typeof AlertType>;

export const Alert = Type.Object({
  symbol: Type.String(),
  windowStart: storedTime,
  windowEnd: storedTime,
  alertType: AlertType,
  avgSpreadBps: num,
  maxSpreadBps: num,
  stdSpreadBps: num,
  orderImbalance: num,
  baselineAvgSpreadBps: num,
  writtenAt: Nullable(
    Type.String({
      format: 'date-time',
      description: `null for an alert pushed from the topic before its row was written, or ${unrepresentable}`,
    }),
  ),
  nonFinite: NonFinite,
});
export type Alert = Static<typeof Alert>;

export const Bar = Type.Object({
  symbol: Type.String(),
  barStart: storedTime,
  barEnd: storedTime,
  quoteCount: Type.Integer(),
  avgSpreadBps: num,
  minSpreadBps: num,
  maxSpreadBps: num,
  lastMid: num,
  writtenAt: storedTime,
  nonFinite: NonFinite,
});
export type Bar = Static<typeof Bar>;

/** Why a Flink job kept a Kafka message out of the windows (rejected_events.reason). */
export const REJECT_REASONS = [
  'not_avro',
  'unknown_schema_id',
  'unreadable_schema',
  'malformed_avro',
  'invalid_symbol',
  'unknown_event_type',
  'invalid_price',
  'crossed_market',
  'invalid_size',
  'invalid_trade_price',
  'invalid_trade_size',
  'invalid_side',
  'invalid_stress',
  'invalid_event_time',
] as const;
export const RejectReason = Type.Union(
  REJECT_REASONS.map((reason) => Type.Literal(reason)),
  { description: 'Reject reason code' },
);
// Responses carry the reason as a plain string: a code the Flink jobs add later is shown, not a 500.
const reasonText = Type.String({ description: `Reject reason code: ${REJECT_REASONS.join(', ')}` });

export const RejectCount = Type.Object({
  symbol: Nullable(Type.String({ description: 'null when the message could not be decoded' })),
  windowStart: Nullable(
    Type.String({ format: 'date-time', description: '1-minute window the event would have entered' }),
  ),
  reason: reasonText,
  count: Type.Integer(),
  lastWrittenAt: time,
});
export type RejectCount = Static<typeof RejectCount>;

export const RejectTotal = Type.Object({ reason: reasonText, count: Type.Integer() });
export type RejectTotal = Static<typeof RejectTotal>;

const base64 = (description: string) => Nullable(Type.String({ contentEncoding: 'base64', description }));

export const DeadLetter = Type.Object({
  topic: Type.String(),
  partition: Type.Integer(),
  offset: Type.Integer(),
  key: base64('Kafka message key, base64; null when the message had none'),
  keyText: Nullable(Type.String({ description: 'The key as text when it is printable UTF-8' })),
  value: base64('Raw message value, base64; null for a tombstone'),
  reason: reasonText,
  detail: Type.String({ description: 'What was wrong with which value' }),
  symbol: Nullable(Type.String()),
  eventTime: Nullable(time),
  windowStart: Nullable(time),
  writtenAt: time,
});
export type DeadLetter = Static<typeof DeadLetter>;

export const LateEventCount = Type.Object({
  job: Type.String({ description: 'Catalog job name, e.g. spread-metrics' }),
  symbol: Type.String(),
  windowStart: time,
  lateCount: Type.Integer(),
  maxEventTime: time,
  writtenAt: time,
});
export type LateEventCount = Static<typeof LateEventCount>;

export const LateEventsTotal = Type.Object({
  count: Type.Integer({ description: 'Events that arrived after the watermark had closed their window' }),
  lastWrittenAt: Nullable(time),
});
export type LateEventsTotal = Static<typeof LateEventsTotal>;

export const JobLateEvents = Type.Object({
  job: Type.String({ description: 'Catalog job name' }),
  count: LateEventsTotal.properties.count,
  lastWrittenAt: LateEventsTotal.properties.lastWrittenAt,
});
export type JobLateEvents = Static<typeof JobLateEvents>;
