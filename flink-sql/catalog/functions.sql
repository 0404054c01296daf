-- Functions: decode and validate each Kafka message of the source (flink-sql/functions, Java, built by its
-- own pom and shipped with every job from ${FUNCTIONS_JAR}).
--
-- Why not the avro-confluent format: it throws on a message it cannot decode, and the job then restarts on
-- the same offset forever. These functions read the same Confluent wire format and the same registry, but
-- answer a rejection (reason code and detail) instead of throwing, so a bad message goes to the dead-letter
-- table and the jobs keep running. The rules an event must pass are in MarketEventRules.java.
--
--   market_event_time(value, partition, registry_url, max_ahead_s)  TIMESTAMP(3): the event time, for the watermark
--   decode_market_event(value, registry_url, max_ahead_s) ROW: the event's fields + reject_reason/detail
CREATE TEMPORARY SYSTEM FUNCTION market_event_time
  AS 'dev.spreadwatch.flink.functions.MarketEventTime' LANGUAGE JAVA USING JAR '${FUNCTIONS_JAR}';

CREATE TEMPORARY SYSTEM FUNCTION decode_market_event
  AS 'dev.spreadwatch.flink.functions.DecodeMarketEvent' LANGUAGE JAVA USING JAR '${FUNCTIONS_JAR}';
