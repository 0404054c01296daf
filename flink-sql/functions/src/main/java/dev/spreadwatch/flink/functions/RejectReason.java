package dev.spreadwatch.flink.functions;

/** Why a Kafka message was kept out of the analytics; {@link #code()} is what rejected_events.reason holds. */
public enum RejectReason {
  /** Empty, shorter than the 5-byte header, or a first byte other than the Confluent magic byte 0. */
  NOT_AVRO,
  /** The header names a schema id the registry does not know. */
  UNKNOWN_SCHEMA_ID,
  /** The writer schema cannot be parsed, or cannot be read as schemas/market_event.avsc. */
  UNREADABLE_SCHEMA,
  /** The bytes after the header are not one record of the writer schema. */
  MALFORMED_AVRO,
  INVALID_SYMBOL,
  INVALID_EVENT_TIME,
  UNKNOWN_EVENT_TYPE,
  INVALID_PRICE,
  /** ask < bid. A locked market (ask = bid) is valid. */
  CROSSED_MARKET,
  INVALID_SIZE,
  INVALID_STRESS,
  INVALID_TRADE_PRICE,
  INVALID_TRADE_SIZE,
  INVALID_SIDE;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
