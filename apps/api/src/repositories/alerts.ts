// Alerts (spread_alerts) since a time, optionally of one type or symbol, in key order.
import type pg from 'pg';
import type { Alert, AlertType } from '../schemas/rows.ts';
import { encodeAlertCursor, type AlertKey } from './alert-cursor.ts';
import { finiteRow, type Stored } from './finite.ts';
import { utc } from './sql.ts';

export const alertColumns = `symbol, window_start AS "windowStart", window_end AS "windowEnd",
  alert_type AS "alertType", avg_spread_bps AS "avgSpreadBps", max_spread_bps AS "maxSpreadBps",
  std_spread_bps AS "stdSpreadBps", order_imbalance AS "orderImbalance",
  baseline_avg_spread_bps AS "baselineAvgSpreadBps", written_at AS "writtenAt"`;

export interface AlertsQuery {
  since: string;
  type: AlertType | undefined;
  symbol: string | undefined;
  after: AlertKey | undefined;
  limit: number;
}

export function createAlertsRepository(pool: pg.Pool) {
  return {
    async since({
      since,
      type,
      symbol,
      after,
      limit,
    }: AlertsQuery): Promise<{ items: Alert[]; next: string | null }> {
      const { rows } = await pool.query<Stored<Alert>>(
        `SELECT ${alertColumns} FROM spread_alerts
         WHERE window_start >= ${utc(1)} AND ($2::text IS NULL OR alert_type = $2)
           AND ($3::text IS NULL OR symbol = $3)
           AND ($4::timestamptz IS NULL OR (window_start, symbol, alert_type) > (${utc(4)}, $5, $6))
         ORDER BY window_start, symbol, alert_type LIMIT $7`,
        [
          since,
          type ?? null,
          symbol ?? null,
          after?.windowStart ?? null,
          after?.symbol ?? '',
          after?.alertType ?? '',
          limit + 1,
        ],
      );
      const items = rows.slice(0, limit).map(finiteRow);
      // A window start stored beyond 9999 or as infinity (served as null) sorts last and cannot be a cursor.
      const last = items.at(-1);
      const next =
        rows.length > limit && last?.windowStart
          ? encodeAlertCursor({ ...last, windowStart: last.windowStart })
          : null;
      return { items, next };
    },
  };
}
export type AlertsRepository = ReturnType<typeof createAlertsRepository>;
