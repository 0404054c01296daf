import { describe, expect, it } from 'vitest';
import type { MarketEvent } from './generated/market-event.ts';
import { decodeMarketEvent, marketEventType } from './schema.ts';
import { encodeWireFormat, wireFormatSchemaId } from './wire-format.ts';

const trade: MarketEvent = {
  symbol: 'QXZT',
  event_time: 1_767_225_600_123,
  event_type: 'TRADE',
  bid: 101.25,
  ask: 101.27,
  bid_size: 400,
  ask_size: 300,
  trade_price: 101.27,
  trade_size: 200,
  side: 'BUY',
  stress: -0.42,
  sequence: 9_007_199_254,
};

describe('wire format', () => {
  it('prefixes the Avro body with magic byte 0 and the big-endian schema id', () => {
    const bytes = encodeWireFormat(0x01020304, trade);
    expect([...bytes.subarray(0, 5)]).toEqual([0, 1, 2, 3, 4]);
    expect(wireFormatSchemaId(bytes)).toBe(0x01020304);
    expect(decodeMarketEvent(bytes.subarray(5))).toEqual(trade);
  });

  it('writes event_time as the zig-zag varint long timestamp-millis prescribes, and reads back a number', () => {
    const quote: MarketEvent = { ...trade, event_type: 'QUOTE', trade_price: null, trade_size: null, side: null };
    const body = marketEventType.toBuffer(quote);
    // symbol: length 4 (zig-zag 8) then 4 bytes; event_time follows as zig-zag varint of 2·t.
    let value = 0;
    let scale = 1;
    for (let i = 5; ; i++) {
      const byte = body[i] as number;
      value += (byte & 0x7f) * scale;
      scale *= 128;
      if (byte < 0x80) break;
    }
    expect(value / 2).toBe(quote.event_time);
    expect(typeof decodeMarketEvent(body).event_time).toBe('number');
  });

  it('rejects messages without the magic byte', () => {
    expect(() => wireFormatSchemaId(Buffer.from([1, 0, 0, 0, 1]))).toThrow('not a Confluent wire-format message');
  });
});
