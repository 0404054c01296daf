// Confluent wire format: magic byte 0, the schema id as a big-endian int32, then the Avro binary body.
import type { MarketEvent } from './generated/market-event.ts';
import { marketEventType } from './schema.ts';

const HEADER_BYTES = 5;

/**
 * Encodes an event in the Confluent wire format synchronously, straight through avsc. The
 * @confluentinc/schemaregistry serializer produces the same bytes but costs about 50 µs a message (async
 * rule hooks, a validation pass, a mutex-guarded cache lookup), capping a producer near 20k events/s.
 */
export function encodeWireFormat(schemaId: number, event: MarketEvent): Buffer {
  const body = marketEventType.toBuffer(event);
  const out = Buffer.allocUnsafe(HEADER_BYTES + body.length);
  out[0] = 0;
  out.writeInt32BE(schemaId, 1);
  body.copy(out, HEADER_BYTES);
  return out;
}

/** The schema id a wire-format message names, or an error if the message is not in the wire format. */
export function wireFormatSchemaId(message: Buffer): number {
  if (message.length < HEADER_BYTES || message[0] !== 0) throw new Error('not a Confluent wire-format message');
  return message.readInt32BE(1);
}
