-- Job spread-metrics: liquidity of each symbol per 1-minute event-time window, and the alerts it raises.
--
-- Why: the bid-ask spread is the price of immediacy. Its level, dispersion and the trades around it say how
-- liquid a symbol is right now; a window far wider than the symbol's recent ones is a liquidity crisis.
--
-- Only valid events enter (catalog/market-events.sql); this job also writes the rejected ones to the
-- dead-letter table rejected_events.
--
-- Stages, one job (a statement set) so the window aggregate is computed once and feeds every sink:
--   0. lateness: an event whose window is already closed is logged in late_events, not dropped unseen;
--   1. per-event measures (spread of a quote, effective spread of a trade, signed volume);
--   2. a 1-minute tumbling window per symbol -> spread_metrics;
--   3. a sequential stage over the window results: each window against the mean of the same symbol's up to
--      10 preceding windows -> spread_alerts and the alerts topic.

-- 0. An event is late when the watermark has passed its 1-minute window's end (the window fired at
--    end - 1 ms). CURRENT_WATERMARK is the watermark this operator has seen, never behind the window
--    operator's, so every event let through here still finds its window open.
CREATE TEMPORARY VIEW events_with_lateness AS
SELECT
  *,
  COALESCE(FLOOR(event_time TO MINUTE) + INTERVAL '1' MINUTE - INTERVAL '0.001' SECOND
           <= CURRENT_WATERMARK(event_time), FALSE)                            AS is_late
FROM market_events;

CREATE TEMPORARY VIEW late_event_log AS
SELECT 'spread-metrics' AS job, kafka_topic, kafka_partition, kafka_offset, symbol, event_time,
       FLOOR(event_time TO MINUTE) AS window_start
FROM events_with_lateness
WHERE is_late;

-- 1. Measures of one event. mid = (bid + ask) / 2 of the event's quote; on a trade that is the prevailing
--    quote, which is what the effective spread is measured against.
CREATE TEMPORARY VIEW event_measures AS
SELECT
  symbol,
  event_time,
  event_type,
  stress,
  CASE WHEN event_type = 'QUOTE' THEN (ask - bid) / ((bid + ask) / 2) * 10000 END       AS quote_spread_bps,
  CASE WHEN event_type = 'TRADE' THEN trade_size END                                     AS trade_volume,
  CASE WHEN event_type = 'TRADE' AND side = 'BUY' THEN trade_size END                    AS buy_volume,
  CASE WHEN event_type = 'TRADE' THEN trade_price * trade_size END                       AS trade_notional,
  CASE WHEN event_type = 'TRADE'
       THEN trade_size * (2 * ABS(trade_price - (bid + ask) / 2) / ((bid + ask) / 2) * 10000)
  END                                                                                    AS trade_volume_x_effective_spread_bps
FROM events_with_lateness
WHERE NOT is_late;

-- 2a. Sums per symbol and 1-minute window. Aggregates skip nulls, so each one sees only the events its
--     measure applies to (quotes for spreads, trades for volumes). The sample variance is assembled from
--     sums below because STDDEV_SAMP's sum-of-squares form can go slightly negative (NaN) when every spread
--     of a window is equal.
CREATE TEMPORARY VIEW window_sums AS
SELECT
  symbol,
  window_start,
  window_end,
  window_time,
  COUNT(quote_spread_bps)                                  AS quote_count,
  COUNT(trade_volume)                                      AS trade_count,
  AVG(quote_spread_bps)                                    AS avg_spread_bps,
  MIN(quote_spread_bps)                                    AS min_spread_bps,
  MAX(quote_spread_bps)                                    AS max_spread_bps,
  SUM(quote_spread_bps)                                    AS sum_spread_bps,
  SUM(quote_spread_bps * quote_spread_bps)                 AS sum_squared_spread_bps,
  SUM(trade_volume)                                        AS traded_volume,
  SUM(buy_volume)                                          AS buy_volume,
  SUM(trade_notional)                                      AS trade_notional,
  SUM(trade_volume_x_effective_spread_bps)                 AS sum_volume_x_effective_spread_bps,
  AVG(stress)                                              AS avg_stress
FROM TABLE(TUMBLE(TABLE event_measures, DESCRIPTOR(event_time), INTERVAL '1' MINUTE))
GROUP BY symbol, window_start, window_end, window_time;

-- 2b. The window's metrics, named for their formulas. Ratios are null where the denominator is missing
--     (no quotes, no trades, no volume); flags are false where an input is null.
CREATE TEMPORARY VIEW window_metrics AS
SELECT
  symbol,
  window_start,
  window_end,
  window_time,
  quote_count,
  trade_count,
  avg_spread_bps,
  min_spread_bps,
  max_spread_bps,
  CASE WHEN quote_count >= 2
       THEN SQRT(GREATEST((sum_squared_spread_bps - sum_spread_bps * sum_spread_bps / quote_count) / (quote_count - 1), 0))
  END                                                                      AS std_spread_bps,
  1000 / NULLIF(avg_spread_bps, 0)                                         AS liquidity_score,
  CAST(quote_count AS DOUBLE) / NULLIF(trade_count, 0)                     AS quote_to_trade_ratio,
  CAST(COALESCE(buy_volume, 0) AS DOUBLE) / NULLIF(traded_volume, 0)       AS order_imbalance,
  COALESCE(traded_volume, 0)                                               AS volume,
  trade_notional / NULLIF(traded_volume, 0)                                AS vwap,
  avg_stress,
  sum_volume_x_effective_spread_bps / NULLIF(traded_volume, 0)             AS avg_effective_spread_bps
FROM window_sums;

CREATE TEMPORARY VIEW window_metrics_flagged AS
SELECT
  *,
  COALESCE(max_spread_bps > 2 * avg_spread_bps, FALSE)                     AS spread_anomaly,
  COALESCE(avg_spread_bps < 5 AND std_spread_bps < 2
           AND order_imbalance > 0.4 AND order_imbalance < 0.6, FALSE)     AS is_optimal
FROM window_metrics;

-- 3. Sequential stage. An OVER window ordered by window_time (the rowtime of each window result) sees the
--    windows of a symbol in event-time order, whatever order they were computed in. Flink allows only
--    CURRENT ROW as the upper bound, so the baseline (mean of the up to 10 preceding windows' averages) is
--    the frame's sum and count minus the current row's.
CREATE TEMPORARY VIEW window_metrics_with_baseline AS
SELECT
  *,
  (SUM(avg_spread_bps) OVER recent - COALESCE(avg_spread_bps, 0))
    / NULLIF(COUNT(avg_spread_bps) OVER recent - CASE WHEN avg_spread_bps IS NULL THEN 0 ELSE 1 END, 0)
                                                                           AS baseline_avg_spread_bps
FROM window_metrics_flagged
WINDOW recent AS (PARTITION BY symbol ORDER BY window_time ROWS BETWEEN 10 PRECEDING AND CURRENT ROW);

CREATE TEMPORARY VIEW window_alerts AS
SELECT symbol, window_start, window_end, 'spread_anomaly' AS alert_type,
       avg_spread_bps, max_spread_bps, std_spread_bps, order_imbalance, baseline_avg_spread_bps
FROM window_metrics_with_baseline
WHERE spread_anomaly
UNION ALL
SELECT symbol, window_start, window_end, 'liquidity_crisis' AS alert_type,
       avg_spread_bps, max_spread_bps, std_spread_bps, order_imbalance, baseline_avg_spread_bps
FROM window_metrics_with_baseline
WHERE avg_spread_bps > 2 * baseline_avg_spread_bps
UNION ALL
SELECT symbol, window_start, window_end, 'optimal_window' AS alert_type,
       avg_spread_bps, max_spread_bps, std_spread_bps, order_imbalance, baseline_avg_spread_bps
FROM window_metrics_with_baseline
WHERE is_optimal;

EXECUTE STATEMENT SET
BEGIN
  INSERT INTO spread_metrics
  SELECT symbol, window_start, window_end, quote_count, trade_count, avg_spread_bps, min_spread_bps,
         max_spread_bps, std_spread_bps, liquidity_score, quote_to_trade_ratio, order_imbalance, volume,
         vwap, avg_stress, avg_effective_spread_bps, spread_anomaly, is_optimal
  FROM window_metrics_flagged;
  INSERT INTO spread_alerts SELECT * FROM window_alerts;
  INSERT INTO spread_alerts_topic SELECT * FROM window_alerts;
  INSERT INTO late_events SELECT * FROM late_event_log;
  INSERT INTO rejected_events SELECT * FROM rejected_messages;
END;
