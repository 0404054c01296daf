// Generated from schemas/market_event.avsc by packages/market-events/scripts/generate-types.ts; do not edit.

/** One market event: a quote update or a trade. Quotes and trades share one record type so a single Flink table reads both. On a trade, bid/ask/bid_size/ask_size carry the prevailing quote so effective spreads can be computed downstream. Enumerations are strings (documented values) because Avro schema resolution cannot read an enum into the string column Flink derives for it. */
export interface MarketEvent {
  /** Instrument ticker; also the Kafka message key. */
  symbol: string;
  /** Event time, epoch milliseconds (UTC). (Avro long, logicalType timestamp-millis) */
  event_time: number;
  /** QUOTE or TRADE. */
  event_type: string;
  /** Best bid price (prevailing bid on a trade). */
  bid: number;
  /** Best ask price (prevailing ask on a trade). */
  ask: number;
  /** Shares at the best bid. */
  bid_size: number;
  /** Shares at the best ask. */
  ask_size: number;
  /** Execution price; null on quotes. */
  trade_price: null | number;
  /** Shares executed; null on quotes. */
  trade_size: null | number;
  /** Aggressor side, BUY (buyer-initiated) or SELL (seller-initiated); null on quotes. */
  side: null | string;
  /** Market stress factor seen by this symbol (OU process times the symbol's sensitivity). */
  stress: number;
  /** Per-symbol sequence number, starting at 0, in generation order. */
  sequence: number;
}

/** Field names of MarketEvent in schema order. */
export const MARKET_EVENT_FIELDS = [
  'symbol',
  'event_time',
  'event_type',
  'bid',
  'ask',
  'bid_size',
  'ask_size',
  'trade_price',
  'trade_size',
  'side',
  'stress',
  'sequence',
] as const;
