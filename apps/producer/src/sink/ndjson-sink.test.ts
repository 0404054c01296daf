import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { simulateMarket } from '../simulation/market-simulator.ts';
import { createNdjsonSink } from './ndjson-sink.ts';

const events = [...simulateMarket({ seed: 3, startTime: Date.UTC(2026, 0, 5), symbols: 4, count: 50 })];

describe('createNdjsonSink', () => {
  it('writes one JSON object a line, with the Avro field names and event_time in epoch milliseconds', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const sink = createNdjsonSink(out);
    await sink.write(events.slice(0, 20));
    await sink.write(events.slice(20));
    expect(await sink.close()).toEqual({ sent: 50, acknowledged: 50, failed: [] });
    const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(events);
    expect(Object.keys(JSON.parse(lines[0]!) as object)).toEqual(Object.keys(events[0]!));
    expect(lines[0]).toMatch(/"event_time":1767571200\d{3},/);
  });

  it('reports the events a failing stream did not take', async () => {
    const out = new Writable({ write: (_chunk, _encoding, callback) => callback(new Error('EPIPE')) });
    const sink = createNdjsonSink(out);
    await expect(sink.write(events.slice(0, 10))).rejects.toThrow('output failed: EPIPE');
    await expect(sink.write(events.slice(10))).rejects.toThrow('output failed: EPIPE');
    expect(await sink.close()).toEqual({ sent: 10, acknowledged: 0, failed: events.slice(0, 10), failure: 'EPIPE' });
  });
});
