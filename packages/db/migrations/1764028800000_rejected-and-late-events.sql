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

-- late_events: valid events that arrived after the watermark had closed their window (a 1-minute window for
-- spread-metrics, a 1-second bar for spread-bars-1s), one row per event and job, keyed by its Kafka
-- coordinates like rejected_events, so a job that replays from a checkpoint rewrites the same rows.
CREATE TABLE late_events (
  job              text          NOT NULL,   -- spread-metrics | spread-bars-1s
  kafka_topic      text          NOT NULL,
  kafka_partition  integer       NOT NULL,
  kafka_offset     bigint        NOT NULL,
  symbol           text          NOT NULL,
  event_time       timestamp(3)  NOT NULL,
  window_start     timestamp(3)  NOT NULL,   -- the 1-minute window the event belongs to
  written_at       timestamptz   NOT NULL DEFAULT now(),
  PRIMARY KEY (job, kafka_topic, kafka_partition, kafka_offset)
);
CREATE INDEX late_events_window_start ON late_events (window_start);

-- Late events per job, symbol and 1-minute window.
CREATE VIEW late_event_counts AS
SELECT job, symbol, window_start, count(*) AS late_count, max(event_time) AS max_event_time,
       max(written_at) AS written_at
FROM late_events
GROUP BY job, symbol, window_start;

-- Down Migration
DROP VIEW late_event_counts;
DROP TABLE late_events;
DROP VIEW rejected_event_counts;
DROP TABLE rejected_events;
