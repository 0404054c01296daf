-- Sinks: the PostgreSQL tables of packages/db/migrations (in the namespace's schema), written as upserts on
-- their primary keys, and the alerts topic the API pushes from.
--
-- Rows are flushed every 200 ms (default: 1 s) so a closed window reaches PostgreSQL well within the 2 s
-- latency target; batches still group the rows one watermark step closes.

CREATE TEMPORARY TABLE spread_metrics (
  symbol                    STRING        NOT NULL,
  window_start              TIMESTAMP(3)  NOT NULL,
  window_end                TIMESTAMP(3)  NOT NULL,
  quote_count               BIGINT        NOT NULL,
  trade_count               BIGINT        NOT NULL,
  avg_spread_bps            DOUBLE,
  min_spread_bps            DOUBLE,
  max_spread_bps            DOUBLE,
  std_spread_bps            DOUBLE,
  liquidity_score           DOUBLE,
  quote_to_trade_ratio      DOUBLE,
  order_imbalance           DOUBLE,
  volume                    BIGINT        NOT NULL,
  vwap                      DOUBLE,
  avg_stress                DOUBLE,
  avg_effective_spread_bps  DOUBLE,
  spread_anomaly            BOOLEAN       NOT NULL,
  is_optimal                BOOLEAN       NOT NULL,
  PRIMARY KEY (symbol, window_start) NOT ENFORCED
) WITH (
  'connector'                   = 'jdbc',
  'url'                         = '${JDBC_URL}',
  'table-name'                  = '${DB_SCHEMA}.spread_metrics',
  'username'                    = '${DB_USER}',
  'password'                    = '${DB_PASSWORD}',
  'sink.buffer-flush.interval'  = '200ms',
  'sink.buffer-flush.max-rows'  = '1000'
);

CREATE TEMPORARY TABLE spread_alerts (
  symbol                    STRING        NOT NULL,
  window_start              TIMESTAMP(3)  NOT NULL,
  window_end                TIMESTAMP(3)  NOT NULL,
  alert_type                STRING        NOT NULL,   -- spread_anomaly | liquidity_crisis | optimal_window
  avg_spread_bps            DOUBLE,
  max_spread_bps            DOUBLE,
  std_spread_bps            DOUBLE,
  order_imbalance           DOUBLE,
  baseline_avg_spread_bps   DOUBLE,
  PRIMARY KEY (symbol, window_start, alert_type) NOT ENFORCED
) WITH (
  'connector'                   = 'jdbc',
  'url'                         = '${JDBC_URL}',
  'table-name'                  = '${DB_SCHEMA}.spread_alerts',
  'username'                    = '${DB_USER}',
  'password'                    = '${DB_PASSWORD}',
  'sink.buffer-flush.interval'  = '200ms',
  'sink.buffer-flush.max-rows'  = '1000'
);

-- JSON keyed by symbol. At-least-once (the default) sends each alert at once; exactly-once would hold
-- alerts back until the next checkpoint (10 s). The table above, keyed, absorbs replays; consumers of the
-- topic dedupe on (symbol, window_start, alert_type).
CREATE TEMPORARY TABLE spread_alerts_topic (
  symbol                    STRING        NOT NULL,
  window_start              TIMESTAMP(3)  NOT NULL,
  window_end                TIMESTAMP(3)  NOT NULL,
  alert_type                STRING        NOT NULL,
  avg_spread_bps            DOUBLE,
  max_spread_bps            DOUBLE,
  std_spread_bps            DOUBLE,
  order_imbalance           DOUBLE,
  baseline_avg_spread_bps   DOUBLE
) WITH (
  'connector'                     = 'kafka',
  'topic'                         = '${ALERTS_TOPIC}',
  'properties.bootstrap.servers'  = '${KAFKA_BROKERS}',
  'key.format'                    = 'raw',
  'key.fields'                    = 'symbol',
  'value.format'                  = 'json',
  'value.fields-include'          = 'ALL',
  'value.json.timestamp-format.standard' = 'ISO-8601'
);

CREATE TEMPORARY TABLE spread_bars_1s (
  symbol                    STRING        NOT NULL,
  bar_start                 TIMESTAMP(3)  NOT NULL,
  bar_end                   TIMESTAMP(3)  NOT NULL,
  quote_count               BIGINT        NOT NULL,
  avg_spread_bps            DOUBLE,
  min_spread_bps            DOUBLE,
  max_spread_bps            DOUBLE,
  last_mid                  DOUBLE,
  PRIMARY KEY (symbol, bar_start) NOT ENFORCED
) WITH (
  'connector'                   = 'jdbc',
  'url'                         = '${JDBC_URL}',
  'table-name'                  = '${DB_SCHEMA}.spread_bars_1s',
  'username'                    = '${DB_USER}',
  'password'                    = '${DB_PASSWORD}',
  'sink.buffer-flush.interval'  = '200ms',
  'sink.buffer-flush.max-rows'  = '1000'
);

-- The dead-letter table: every message kept out of the analytics, with its Kafka coordinates (the key, so a
-- replay from a checkpoint rewrites the same rows), its bytes and the reason. Written by spread-metrics.
CREATE TEMPORARY TABLE rejected_events (
  kafka_topic               STRING        NOT NULL,
  kafka_partition           INT           NOT NULL,
  kafka_offset              BIGINT        NOT NULL,
  kafka_key                 BYTES,
  raw_value                 BYTES,
  reason                    STRING        NOT NULL,
  detail                    STRING        NOT NULL,
  symbol                    STRING,
  event_time                TIMESTAMP(3),
  window_start              TIMESTAMP(3),
  PRIMARY KEY (kafka_topic, kafka_partition, kafka_offset) NOT ENFORCED
) WITH (
  'connector'                   = 'jdbc',
  'url'                         = '${JDBC_URL}',
  'table-name'                  = '${DB_SCHEMA}.rejected_events',
  'username'                    = '${DB_USER}',
  'password'                    = '${DB_PASSWORD}',
  'sink.buffer-flush.interval'  = '200ms',
  'sink.buffer-flush.max-rows'  = '1000'
);

-- Valid events that came after the watermark had closed their window, one row per job and event, keyed by
-- its Kafka coordinates (a replay from a checkpoint rewrites the same rows). Counted by the view
-- late_event_counts.
CREATE TEMPORARY TABLE late_events (
  job                       STRING        NOT NULL,
  kafka_topic               STRING        NOT NULL,
  kafka_partition           INT           NOT NULL,
  kafka_offset              BIGINT        NOT NULL,
  symbol                    STRING        NOT NULL,
  event_time                TIMESTAMP(3)  NOT NULL,
  window_start              TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (job, kafka_topic, kafka_partition, kafka_offset) NOT ENFORCED
) WITH (
  'connector'                   = 'jdbc',
  'url'                         = '${JDBC_URL}',
  'table-name'                  = '${DB_SCHEMA}.late_events',
  'username'                    = '${DB_USER}',
  'password'                    = '${DB_PASSWORD}',
  'sink.buffer-flush.interval'  = '200ms',
  'sink.buffer-flush.max-rows'  = '1000'
);
