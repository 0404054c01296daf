-- Benchmark ceiling, part 2: the same tables as flink-sql/catalog, but market_events comes from Flink's
-- datagen connector and every sink is a blackhole with the real sink's columns and key. Running the jobs
-- of flink-sql/ over this catalog measures what the aggregation alone sustains on this machine, without
-- Kafka, Avro decoding or JDBC writes.
--
-- The rows are the benchmark's Kafka stream itself (packages/flink-jobs/bench/flink-bench.ts, same formulas):
-- ${SYMBOLS} symbols in turn, one event per symbol every ${STEP_MS} ms of event time, every 5th step of a
-- symbol a trade. Every column is computed from the sequence number: datagen's random fields add a per-row
-- cost the Kafka stream does not have (with them the "ceiling" measured at or below the pipeline).
USE default_database;

-- No periodic checkpoints in the ceiling run: datagen's sequence generator checkpoints every value it has
-- yet to emit (list state, one offset each in the checkpoint acknowledgement). Seen here with 2M rows: an
-- 11 MB acknowledgement refused by the 10 MB RPC frame, the checkpoint expiring, the job failing over.
SET 'execution.checkpointing.interval' = '1h';

CREATE TEMPORARY TABLE market_events (
  seq           BIGINT        NOT NULL,
  symbol        AS CONCAT('S', CAST(MOD(seq, ${SYMBOLS}) AS STRING)),
  event_time    AS CAST(TO_TIMESTAMP_LTZ(${START_MS} + seq / ${SYMBOLS} * ${STEP_MS}, 3) AS TIMESTAMP(3)),
  event_type    AS CASE WHEN MOD(seq / ${SYMBOLS}, 5) = 0 THEN 'TRADE' ELSE 'QUOTE' END,
  bid           AS 99.9E0 + MOD(seq, 97) / 1000E0,
  ask           AS 99.9E0 + MOD(seq, 97) / 1000E0 + 0.01E0 + MOD(seq, 13) / 100E0,
  bid_size      AS 100 + MOD(seq, 1900),
  ask_size      AS 100 + MOD(seq, 1700),
  trade_price   AS CASE WHEN MOD(seq / ${SYMBOLS}, 5) = 0
                        THEN 99.9E0 + MOD(seq, 97) / 1000E0 + (0.01E0 + MOD(seq, 13) / 100E0) * MOD(seq, 3) / 2 END,
  trade_size    AS CASE WHEN MOD(seq / ${SYMBOLS}, 5) = 0 THEN 100 + MOD(seq, 900) END,
  side          AS CASE WHEN MOD(seq / ${SYMBOLS}, 5) = 0 THEN CASE WHEN MOD(seq, 2) = 0 THEN 'BUY' ELSE 'SELL' END END,
  stress        AS (MOD(seq, 41) - 20) / 10E0,
  kafka_topic   AS 'datagen',
  kafka_partition AS 0,
  kafka_offset  AS seq,
  WATERMARK FOR event_time AS event_time - INTERVAL '${WATERMARK_DELAY_SECONDS}' SECOND
) WITH (
  'connector'               = 'datagen',
  'rows-per-second'         = '1000000000',
  'fields.seq.kind'         = 'sequence',
  'fields.seq.start'        = '0',
  'fields.seq.end'          = '${LAST_SEQ}'
);

CREATE TEMPORARY TABLE spread_metrics      WITH ('connector' = 'blackhole') LIKE sink_schemas.spread_metrics      (EXCLUDING OPTIONS);
CREATE TEMPORARY TABLE spread_alerts       WITH ('connector' = 'blackhole') LIKE sink_schemas.spread_alerts       (EXCLUDING OPTIONS);
CREATE TEMPORARY TABLE spread_alerts_topic WITH ('connector' = 'blackhole') LIKE sink_schemas.spread_alerts_topic (EXCLUDING OPTIONS);
CREATE TEMPORARY TABLE spread_bars_1s      WITH ('connector' = 'blackhole') LIKE sink_schemas.spread_bars_1s      (EXCLUDING OPTIONS);
CREATE TEMPORARY TABLE late_events         WITH ('connector' = 'blackhole') LIKE sink_schemas.late_events         (EXCLUDING OPTIONS);
CREATE TEMPORARY TABLE rejected_events     WITH ('connector' = 'blackhole') LIKE sink_schemas.rejected_events     (EXCLUDING OPTIONS);

-- datagen makes only valid events: nothing is rejected.
CREATE TEMPORARY VIEW rejected_messages AS
SELECT
  CAST(NULL AS STRING) AS kafka_topic, CAST(NULL AS INT) AS kafka_partition, CAST(NULL AS BIGINT) AS kafka_offset,
  CAST(NULL AS BYTES) AS kafka_key, CAST(NULL AS BYTES) AS raw_value, CAST(NULL AS STRING) AS reason,
  CAST(NULL AS STRING) AS detail, symbol, CAST(NULL AS TIMESTAMP(3)) AS event_time,
  CAST(NULL AS TIMESTAMP(3)) AS window_start
FROM market_events
WHERE FALSE;
