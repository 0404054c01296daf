-- Up Migration
-- What the Flink jobs keep out of the analytics, so nothing is dropped silently.
--
-- rejected_events: the dead-letter table. One row per Kafka message that could not be decoded (not Avro,
-- unknown schema id, unreadable record) or that decoded to an invalid event (bad price, crossed market,
-- bad size, incomplete trade, unknown event type, ...), with the raw bytes to inspect or replay it. Keyed by
-- its Kafka coordinates, so a job that replays from a checkpoint rewrites the same rows.
CREATE TABLE rejected_events (
  kafka_topic      text          NOT NULL,
  kafka_partition  integer       NOT NULL,
  kafka_offset     bigint        NOT NULL,
  kafka_key        bytea,
  raw_value        bytea,
  reason           text          NOT NULL,   -- a code: not_avro, unknown_schema_id, crossed_market, ...
  detail           text          NOT NULL,   -- the same, for a person: what was wrong with which value
  symbol           text,                     -- null when the message could not be decoded
  event_time       timestamp(3),             -- null when the message could not be decoded
  window_start     timestamp(3),             -- the 1-minute window the event would have entered
  written_at       timestamptz   NOT NULL DEFAULT now(),
  PRIMARY KEY (kafka_topic, kafka_partition, kafka_offset)
);
CREATE INDEX rejected_events_window_start ON rejected_events (window_start);
CREATE INDEX rejected_events_written_at ON rejected_events (written_at);

-- Rejected events per symbol, 1-minute window and reason (symbol and window null for undecodable ones).
CREATE VIEW rejected_event_counts AS
SELECT symbol, window_start, reason, count(*) AS rejected_count
FROM rejected_events
GROUP BY symbol, window_start, reason;

-- late_events: valid events that arrived after the watermark had closed their window, counted per job,
-- symbol and the 1-minute window they belong to (the bars job closes 1-second bars, so it counts more).
CREATE TABLE late_events (
  job              text          NOT NULL,   -- spread-metrics | spread-bars-1s
  symbol           text          NOT NULL,
  window_start     timestamp(3)  NOT NULL,
  late_count       bigint        NOT NULL,
  max_event_time   timestamp(3)  NOT NULL,
  written_at       timestamptz   NOT NULL DEFAULT now(),
  PRIMARY KEY (job, symbol, window_start)
);
CREATE INDEX late_events_written_at ON late_events (written_at);

-- Down Migration
DROP TABLE late_events;
DROP VIEW rejected_event_counts;
DROP TABLE rejected_events;
