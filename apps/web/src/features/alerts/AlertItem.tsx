import type { FeedAlert } from './alert-list.ts';
import { formatBps, formatNumber, formatWindow } from '../../lib/format.ts';

const LABELS = { spread_anomaly: 'anomaly', liquidity_crisis: 'crisis', optimal_window: 'optimal' } as const;

/** The values that triggered the alert: spread against its baseline for anomalies and crises, imbalance for optimal windows. */
function triggerValues(alert: FeedAlert): string {
  if (alert.alertType === 'optimal_window')
    return `avg ${formatBps(alert.avgSpreadBps)} · imbalance ${formatNumber(alert.orderImbalance)}`;
  const ratio =
    alert.avgSpreadBps !== null && alert.baselineAvgSpreadBps
      ? `×${formatNumber(alert.avgSpreadBps / alert.baselineAvgSpreadBps, 1)}`
      : '';
  return alert.alertType === 'spread_anomaly'
    ? `max ${formatBps(alert.maxSpreadBps)} · avg ${formatBps(alert.avgSpreadBps)} · sd ${formatNumber(alert.stdSpreadBps)}`
    : `avg ${formatBps(alert.avgSpreadBps)} vs baseline ${formatBps(alert.baselineAvgSpreadBps)} ${ratio}`;
}

export function AlertItem({ alert }: { alert: FeedAlert }) {
  return (
    <li
      className={alert.receivedAt === undefined ? undefined : 'new'}
      data-symbol={alert.symbol}
      data-type={alert.alertType}
      data-window-start={alert.windowStart}
      data-received-at={alert.receivedAt}
    >
      <span className={`badge ${alert.alertType}`}>{LABELS[alert.alertType]}</span>
      <span className="symbol mono">{alert.symbol}</span>
      <span className="mono muted">
        {formatWindow(Date.parse(alert.windowStart), Date.parse(alert.windowEnd))}
      </span>
      <span className="values">{triggerValues(alert)}</span>
    </li>
  );
}
