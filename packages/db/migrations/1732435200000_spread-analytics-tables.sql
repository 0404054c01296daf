-- Up Migration
-- Tables the Flink SQL jobs write through the JDBC sink (upserts on the primary keys) and the API reads.
-- Timestamps are UTC wall-clock values (timestamp without time zone), as Flink's TIMESTAMP(3) carries them.

CREATE TABLE spread_metrics (
  symbol                    text             NOT NULL,
  window_start              timestamp(3)     NOT NULL,
  window_end                timestamp(3)     NOT NULL,
  quote_count               bigint           NOT NULL,
  trade_count               bigint           NOT NULL,
  avg_spread_bps            double precision,
  min_spread_bps            double precision,
  max_spread_bps            double precision,
  std_spread_bps            double precision,
  liquidity_score           double precision,
  quote_to_trade_ratio      double precision,
  order_imbalance           double precision,
  volume                    bigint           NOT NULL,
  vwap                      double precision,
  avg_stress                double precision,
  avg_effective_spread_bps  double precision,
  spread_anomaly            boolean          NOT NULL,
  is_optimal                boolean          NOT NULL,
  written_at                timestamptz      NOT NULL DEFAULT now(),
  PRIMARY KEY (symbol, window_start)
);
CREATE INDEX spread_metrics_window_start ON spread_metrics (window_start);

CREATE TABLE spread_alerts (
  symbol                    text             NOT NULL,
  window_start              timestamp(3)     NOT NULL,
  window_end                timestamp(3)     NOT NULL,
  alert_type                text             NOT NULL
    CHECK (alert_type IN ('spread_anomaly', 'liquidity_crisis', 'optimal_window')),
  avg_spread_bps            double precision,
  max_spread_bps            double precision,
  std_spread_bps            double precision,
  order_imbalance           double precision,
  baseline_avg_spread_bps   double precision,
  written_at                timestamptz      NOT NULL DEFAULT now(),
  PRIMARY KEY (symbol, window_start, alert_type)
);
CREATE INDEX spread_alerts_window_start ON spread_alerts (window_start);

CREATE TABLE spread_bars_1s (
  symbol                    text             NOT NULL,
  bar_start                 timestamp(3)     NOT NULL,
  bar_end                   timestamp(3)     NOT NULL,
  quote_count               bigint           NOT NULL,
  avg_spread_bps            double precision,
  min_spread_bps            double precision,
  max_spread_bps            double precision,
  last_mid                  double precision,
  written_at                timestamptz      NOT NULL DEFAULT now(),
  PRIMARY KEY (symbol, bar_start)
);
CREATE INDEX spread_bars_1s_bar_start ON spread_bars_1s (bar_start);

-- Down Migration
DROP TABLE spread_bars_1s;
DROP TABLE spread_alerts;
DROP TABLE spread_metrics;
