-- Benchmark ceiling, part 2: the same tables as flink-sql/catalog, but market_events comes from Flink's
-- datagen connector and every sink is a blackhole with the real sink's columns and key. Running the jobs of flink-sql/ over this catalog measures what
-- the aggregation alone sustains on this machine, without Kafka, Avro decoding or JDBC writes.
--
-- The event pattern matches the benchmark's Kafka stream: ${SYMBOLS} symbols in turn, one event per symbol
-- every ${STEP_MS} ms of event time, every 5th a trade; prices are random around 100.
USE default_database;

CREATE TEMPORARY TABLE market_events (
  seq           BIGINT        NOT NULL,
  bid           DOUBLE        NOT NULL,
  spread        DOUBLE        NOT NULL,
  bid_size      BIGINT        NOT NULL,
  ask_size      BIGINT        NOT NULL,
  trade_size    BIGINT,
  stress        DOUBLE        NOT NULL,
  symbol        AS CONCAT('S', CAST(MOD(seq, ${SYMBOLS}) AS STRING)),
  event_time    AS CAST(TO_TIMESTAMP_LTZ(${START_MS} + seq / ${SYMBOLS} * ${STEP_MS}, 3) AS TIMESTAMP(3)),
  event_type    AS CASE WHEN MOD(seq, 5) = 0 THEN 'TRADE' ELSE 'QUOTE' END,
  ask           AS bid + spread,
  trade_price   AS CASE WHEN MOD(seq, 5) = 0 THEN bid + spread * MOD(seq, 3) / 2 END,
  side          AS CASE WHEN MOD(seq, 5) = 0 THEN CASE WHEN MOD(seq, 2) = 0 THEN 'BUY' ELSE 'SELL' END END,
  WATERMARK FOR event_time AS event_time - INTERVAL '${WATERMARK_DELAY_SECONDS}' SECOND
) WITH (
  'connector'               = 'datagen',
  'rows-per-second'         = '1000000000',
  'fields.seq.kind'         = 'sequence',
  'fields.seq.start'        = '0',
  'fields.seq.end'          = '${LAST_SEQ}',
  'fields.bid.min'          = '99.9',
  'fields.bid.max'          = '100.0',
  'fields.spread.min'       = '0.01',
  'fields.spread.max'       = '0.1',
  'fields.bid_size.min'     = '100',
  'fields.bid_size.max'     = '2000',
  'fields.ask_size.min'     = '100',
  'fields.ask_size.max'     = '2000',
  'fields.trade_size.min'   = '100',
  'fields.trade_size.max'   = '1000',
  'fields.stress.min'       = '-2',
  'fields.stress.max'       = '2'
);

CREATE TEMPORARY TABLE spread_metrics      WITH ('connector' = 'blackhole') LIKE sink_schemas.spread_metrics      (EXCLUDING OPTIONS);
CREATE TEMPORARY TABLE spread_alerts       WITH ('connector' = 'blackhole') LIKE sink_schemas.spread_alerts       (EXCLUDING OPTIONS);
CREATE TEMPORARY TABLE spread_alerts_topic WITH ('connector' = 'blackhole') LIKE sink_schemas.spread_alerts_topic (EXCLUDING OPTIONS);
CREATE TEMPORARY TABLE spread_bars_1s      WITH ('connector' = 'blackhole') LIKE sink_schemas.spread_bars_1s      (EXCLUDING OPTIONS);
