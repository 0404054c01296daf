-- Source: every market event (quotes and trades) of a namespace's topic, in the producer's Avro schema
-- (schemas/market_event.avsc), decoded by the writer schema id each message carries.
--
-- event_time is the event-time attribute. The watermark trails the highest event time seen by a bounded
-- out-of-orderness (SPREADWATCH_WATERMARK_DELAY_MS): events up to that much out of order still land in
-- their windows; a window is final once the watermark passes its end. Each Kafka partition keeps its own
-- watermark and the job's is their minimum; a partition silent for table.exec.source.idle-timeout stops
-- holding it back.
--
-- Offsets: the consumer group of the job, committed on each checkpoint; a new group starts at the earliest
-- offset, so a job (re)submitted without a savepoint continues where the last one stopped.
CREATE TEMPORARY TABLE market_events (
  symbol        STRING        NOT NULL,
  event_time    TIMESTAMP(3)  NOT NULL,
  event_type    STRING        NOT NULL,   -- QUOTE | TRADE
  bid           DOUBLE        NOT NULL,   -- on a trade: the prevailing quote
  ask           DOUBLE        NOT NULL,
  bid_size      BIGINT        NOT NULL,
  ask_size      BIGINT        NOT NULL,
  trade_price   DOUBLE,                   -- null on quotes
  trade_size    BIGINT,
  side          STRING,                   -- BUY (buyer-initiated) | SELL; null on quotes
  stress        DOUBLE        NOT NULL,
  `sequence`    BIGINT        NOT NULL,
  WATERMARK FOR event_time AS event_time - INTERVAL '${WATERMARK_DELAY_SECONDS}' SECOND
) WITH (
  'connector'                     = 'kafka',
  'topic'                         = '${SOURCE_TOPIC}',
  'properties.bootstrap.servers'  = '${KAFKA_BROKERS}',
  'properties.group.id'           = '${CONSUMER_GROUP}',
  'scan.startup.mode'             = 'group-offsets',
  'properties.auto.offset.reset'  = 'earliest',
  'value.format'                  = 'avro-confluent',
  'value.avro-confluent.url'      = '${REGISTRY_URL}'
);
