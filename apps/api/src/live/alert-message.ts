// The alerts topic's JSON value (flink-sql/catalog/sinks.sql: spread_alerts_topic) as the API's Alert.
import { finiteRow } from '../repositories/finite.ts';
import type { Alert } from '../schemas/rows.ts';
import { ALERT_TYPES } from '../schemas/rows.ts';

interface TopicAlert {
  symbol: string;
  window_start: string;
  window_end: string;
  alert_type: string;
  avg_spread_bps: number | null;
  max_spread_bps: number | null;
  std_spread_bps: number | null;
  order_imbalance: number | null;
  baseline_avg_spread_bps: number | null;
}

/** Flink writes TIMESTAMP(3) as ISO 8601 without an offset: UTC wall-clock time. */
export const utcIso = (text: string): string =>
  new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`).toISOString();

export function parseAlertMessage(value: Buffer): Alert {
  const message = JSON.parse(value.toString('utf8')) as TopicAlert;
  if (
    typeof message.symbol !== 'string' ||
    !(ALERT_TYPES as readonly string[]).includes(message.alert_type)
  ) {
    throw new Error(`not an alert: ${value.toString('utf8').slice(0, 200)}`);
  }
  return finiteRow({
    symbol: message.symbol,
    windowStart: utcIso(message.window_start),
    windowEnd: utcIso(message.window_end),
    alertType: message.alert_type as Alert['alertType'],
    avgSpreadBps: message.avg_spread_bps,
    maxSpreadBps: message.max_spread_bps,
    stdSpreadBps: message.std_spread_bps,
    orderImbalance: message.order_imbalance,
    baselineAvgSpreadBps: message.baseline_avg_spread_bps,
    writtenAt: null,
  });
}

/** The natural key consumers dedupe on: an alert is delivered at least once. */
export const alertKey = (alert: Pick<Alert, 'symbol' | 'windowStart' | 'alertType'>): string =>
  `${alert.symbol}|${alert.windowStart}|${alert.alertType}`;
