// The market event schema, read from schemas/market_event.avsc (the single source of truth) and parsed by
// avsc. Without a logicalTypes option avsc maps timestamp-millis to its underlying long, a JS number of
// epoch milliseconds: the wire bytes are exactly those of the logical type, and NDJSON carries the same
// number, so no Date conversion happens anywhere.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import avro from 'avsc';
import type { MarketEvent } from './generated/market-event.ts';

export const MARKET_EVENT_SCHEMA_PATH = fileURLToPath(new URL('../../../schemas/market_event.avsc', import.meta.url));

export const marketEventSchemaText: string = readFileSync(MARKET_EVENT_SCHEMA_PATH, 'utf8');

export const marketEventType: avro.Type = avro.Type.forSchema(JSON.parse(marketEventSchemaText) as avro.Schema);

export function encodeMarketEvent(event: MarketEvent): Buffer {
  return marketEventType.toBuffer(event);
}

export function decodeMarketEvent(bytes: Buffer): MarketEvent {
  return marketEventType.fromBuffer(bytes) as MarketEvent;
}
