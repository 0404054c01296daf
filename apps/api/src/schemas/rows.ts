// Response shapes of the sink tables' rows. Times are ISO 8601 UTC strings.
import { Type, type Static } from 'typebox';
import { Nullable } from './common.ts';

const num = Nullable(Type.Number());
const time = Type.String({ format: 'date-time' });

export const WindowMetrics = Type.Object({
  symbol: Type.String(),
  windowStart: time,
  windowEnd: time,
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
  writtenAt: time,
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
  windowStart: time,
  windowEnd: time,
  alertType: AlertType,
  avgSpreadBps: num,
  maxSpreadBps: num,
  stdSpreadBps: num,
  orderImbalance: num,
  baselineAvgSpreadBps: num,
  writtenAt: Nullable(time),
});
export type Alert = Static<typeof Alert>;

export const Bar = Type.Object({
  symbol: Type.String(),
  barStart: time,
  barEnd: time,
  quoteCount: Type.Integer(),
  avgSpreadBps: num,
  minSpreadBps: num,
  maxSpreadBps: num,
  lastMid: num,
  writtenAt: time,
});
export type Bar = Static<typeof Bar>;
