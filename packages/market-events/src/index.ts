export type { MarketEvent } from './generated/market-event.ts';
export { MARKET_EVENT_FIELDS } from './generated/market-event.ts';
export { decodeMarketEvent, encodeMarketEvent, marketEventSchemaText, marketEventType } from './schema.ts';
export { encodeWireFormat, wireFormatSchemaId } from './wire-format.ts';
export { createMarketEventSerde } from './serde.ts';
export type { MarketEventSerde, MarketEventSerdeOptions } from './serde.ts';
