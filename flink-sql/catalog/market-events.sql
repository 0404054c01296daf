-- Source: every message of a namespace's topic, as raw bytes, and the market events decoded from them
-- (schemas/market_event.avsc in the Confluent wire format, writer schema by id from the registry).
--
-- event_time is the event-time attribute: the decoded event time or, for a message without a sane one
-- (undecodable, before 1970, or more than ${MAX_EVENT_AHEAD_SECONDS} s ahead of the clock), the newest valid
-- time of its partition, which never moves the watermark. A partition that carries only such messages holds
-- the watermark at its last valid event (it is not idle); /readyz then reports windows overdue. The watermark trails the highest event time seen by a bounded
-- out-of-orderness (SPREADWATCH_WATERMARK_DELAY_MS): events up to that much out of order still land in their
-- windows; a window is final once the watermark passes its end. Each Kafka partition keeps its own
-- watermark and the job's is their minimum; a partition silent for ${SOURCE_IDLE_TIMEOUT_SECONDS} s
-- (SPREADWATCH_SOURCE_IDLE_TIMEOUT_S) stops holding it back. Idleness is judged on the wall clock, so the
-- timeout outlasts a slow first poll of a partition under load: an idle partition's first events, once they
-- come, are late if the others moved the watermark past them meanwhile.
--
-- Offsets: a job resumes from its checkpoint or savepoint, offsets and window state together. A job started
-- without state (${STARTUP_MODE}) reads the topic from its earliest offset and computes only windows from
-- ${FRESH_FROM} on, the end of the newest window its table already holds: every window it writes is complete,
-- and it never overwrites a finished one with a part of it.
CREATE TEMPORARY TABLE market_event_messages (
  message_key      BYTES,                  -- the symbol, as the producer keys it
  message_value    BYTES,
  kafka_topic      STRING   METADATA FROM 'topic'      VIRTUAL,
  kafka_partition  INT      METADATA FROM 'partition'  VIRTUAL,
  kafka_offset     BIGINT   METADATA FROM 'offset'     VIRTUAL,
  event_time AS market_event_time(message_value, kafka_partition, '${REGISTRY_URL}', ${MAX_EVENT_AHEAD_SECONDS}),
  WATERMARK FOR event_time AS event_time - INTERVAL '${WATERMARK_DELAY_SECONDS}' SECOND
) WITH (
  'connector'                     = 'kafka',
  'topic'                         = '${SOURCE_TOPIC}',
  'properties.bootstrap.servers'  = '${KAFKA_BROKERS}',
  'properties.group.id'           = '${CONSUMER_GROUP}',
  'scan.startup.mode'             = '${STARTUP_MODE}',
  'properties.auto.offset.reset'  = 'earliest',
  'key.format'                    = 'raw',
  'key.fields'                    = 'message_key',
  'value.format'                  = 'raw',
  'value.fields-include'          = 'EXCEPT_KEY',
  'scan.watermark.idle-timeout'   = '${SOURCE_IDLE_TIMEOUT_SECONDS}s'
);

CREATE TEMPORARY VIEW decoded_messages AS
SELECT
  kafka_topic,
  kafka_partition,
  kafka_offset,
  message_key,
  message_value,
  event_time,
  decode_market_event(message_value, '${REGISTRY_URL}', ${MAX_EVENT_AHEAD_SECONDS}) AS decoded
FROM market_event_messages;

-- The valid events: what every job computes on.
CREATE TEMPORARY VIEW market_events AS
SELECT
  decoded.symbol              AS symbol,
  event_time,
  decoded.event_type          AS event_type,   -- QUOTE | TRADE
  decoded.bid                 AS bid,          -- on a trade: the prevailing quote
  decoded.ask                 AS ask,
  decoded.bid_size            AS bid_size,
  decoded.ask_size            AS ask_size,
  decoded.trade_price         AS trade_price,  -- null on quotes
  decoded.trade_size          AS trade_size,
  decoded.side                AS side,         -- BUY (buyer-initiated) | SELL; null on quotes
  decoded.stress              AS stress,
  decoded.sequence_number     AS `sequence`,
  kafka_topic,
  kafka_partition,
  kafka_offset
FROM decoded_messages
WHERE decoded.reject_reason IS NULL
  AND event_time >= TIMESTAMP '${FRESH_FROM}';

-- The rejected messages, for the dead-letter table: where they are in Kafka, their bytes, and why.
CREATE TEMPORARY VIEW rejected_messages AS
SELECT
  kafka_topic,
  kafka_partition,
  kafka_offset,
  message_key                                  AS kafka_key,
  message_value                                AS raw_value,
  decoded.reject_reason                        AS reason,
  decoded.reject_detail                        AS detail,
  decoded.symbol                               AS symbol,
  decoded.event_time                           AS event_time,
  FLOOR(decoded.event_time TO MINUTE)          AS window_start
FROM decoded_messages
WHERE decoded.reject_reason IS NOT NULL;
