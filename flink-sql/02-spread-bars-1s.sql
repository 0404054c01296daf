-- Job spread-bars-1s: per-symbol 1-second bars of the quoted spread, the fine-grained series behind the
-- dashboard's spread chart (it moves every second; the 1-minute metrics move once a minute).
--
-- spread_bps = (ask - bid) / mid * 10,000 with mid = (bid + ask) / 2, over the bar's quotes.
-- last_mid is the mid of the last quote the job received in the bar (arrival order, LAST_VALUE): for a
-- chart label that is close enough, and it avoids keeping every quote of the bar to find the latest one.
--
-- Only valid quotes enter (catalog/market-events.sql). A quote whose 1-second bar the watermark has already
-- closed (the bar fired at end - 1 ms) is logged in late_events instead of being dropped unseen;
-- CURRENT_WATERMARK here is never behind the bar operator's, so every quote let through finds its bar open.
CREATE TEMPORARY VIEW quotes_with_lateness AS
SELECT
  *,
  COALESCE(FLOOR(event_time TO SECOND) + INTERVAL '1' SECOND - INTERVAL '0.001' SECOND
           <= CURRENT_WATERMARK(event_time), FALSE)  AS is_late
FROM market_events
WHERE event_type = 'QUOTE';

CREATE TEMPORARY VIEW quote_spreads AS
SELECT
  symbol,
  event_time,
  (bid + ask) / 2                          AS mid,
  (ask - bid) / ((bid + ask) / 2) * 10000  AS spread_bps
FROM quotes_with_lateness
WHERE NOT is_late;

CREATE TEMPORARY VIEW late_quote_log AS
SELECT 'spread-bars-1s' AS job, kafka_topic, kafka_partition, kafka_offset, symbol, event_time,
       FLOOR(event_time TO MINUTE) AS window_start
FROM quotes_with_lateness
WHERE is_late;

EXECUTE STATEMENT SET
BEGIN
  INSERT INTO spread_bars_1s
  SELECT
    symbol,
    window_start      AS bar_start,
    window_end        AS bar_end,
    COUNT(*)          AS quote_count,
    AVG(spread_bps)   AS avg_spread_bps,
    MIN(spread_bps)   AS min_spread_bps,
    MAX(spread_bps)   AS max_spread_bps,
    LAST_VALUE(mid)   AS last_mid
  FROM TABLE(TUMBLE(TABLE quote_spreads, DESCRIPTOR(event_time), INTERVAL '1' SECOND))
  GROUP BY symbol, window_start, window_end;
  INSERT INTO late_events SELECT * FROM late_quote_log;
END;
