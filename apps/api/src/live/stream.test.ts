import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveHub, LiveSubscriber } from './hub.ts';
import type { LiveEvent } from './sse.ts';
import { openStream } from './stream.ts';

// openStream over a real local HTTP connection, with a hub stand-in the test drives.
const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

const bar = (seq: number): LiveEvent => ({
  event: 'bar',
  id: String(seq),
  data: { symbol: 'S', seq, padding: 'x'.repeat(200) },
});

async function serve(
  hub: LiveHub,
  after: number | undefined,
  maxBufferBytes: number,
  onResponse: (response: http.ServerResponse) => void = () => undefined,
): Promise<http.IncomingMessage> {
  const server = http.createServer((_request, response) => {
    onResponse(response);
    void openStream(hub, response, { after, kinds: ['bar'], maxBufferBytes });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) =>
    http.get({ host: '127.0.0.1', port, path: '/' }, resolve).on('error', reject),
  );
}

/** The body up to its end, or up to a chunk ending in `last`. */
const text = (response: http.IncomingMessage, last?: string): Promise<string> =>
  new Promise((resolve) => {
    const chunks: string[] = [];
    let tail = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      chunks.push(chunk);
      tail = (tail + chunk).slice(-100);
      if (last !== undefined && tail.endsWith(last)) resolve(chunks.join(''));
    });
    response.on('close', () => resolve(chunks.join('')));
  });

const ids = (body: string): number[] => [...body.matchAll(/^id: (\d+)$/gm)].map((match) => Number(match[1]));

describe('openStream', () => {
  it('cuts off a client that does not read once its buffer is full, with a final overflow event', async () => {
    const subscribers = new Set<LiveSubscriber>();
    const hub = {
      cursor: 0,
      track: () => () => undefined,
      subscribe: (subscriber: LiveSubscriber) => {
        subscribers.add(subscriber);
        return () => subscribers.delete(subscriber);
      },
    } as unknown as LiveHub;
    const response = await serve(hub, undefined, 16 * 1024);
    response.pause();
    while (subscribers.size === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    let seq = 0;
    // Events go out until the stream lets go of the client; the socket buffers of the machine take
    // megabytes first, so the cap on events is far above them.
    while (subscribers.size > 0 && seq < 200_000) {
      const batch = Array.from({ length: 500 }, () => bar(++seq));
      for (const subscriber of subscribers) subscriber.send(batch);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(subscribers.size).toBe(0);
    const body = text(response);
    response.resume();
    const received = await body;
    expect(received).toMatch(/event: overflow\ndata: \{"message":"this client read too slowly[^\n]*\n\n$/);
    // The cursor message (0), then the events in order, fewer than were sent.
    const sent = ids(received);
    expect(sent).toEqual(Array.from({ length: sent.length }, (_, index) => index));
    expect(sent.length).toBeLessThan(seq);
  });

  it('replays page by page as the client drains, never holding more than its buffer', async () => {
    const pages = 40;
    const perPage = 200;
    const maxBufferBytes = 64 * 1024;
    let server: http.ServerResponse | undefined;
    let mostWaiting = 0;
    const hub = {
      cursor: pages * perPage,
      track: () => () => undefined,
      subscribe: () => () => undefined,
      replay: async function* (after: number) {
        for (let page = 0; page < pages; page++) {
          mostWaiting = Math.max(mostWaiting, server!.writableLength);
          yield Array.from({ length: perPage }, (_, index) => bar(after + page * perPage + index + 1));
        }
      },
    } as unknown as LiveHub;
    const response = await serve(hub, 0, maxBufferBytes, (created) => (server = created));
    response.pause();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const body = text(response, `\nid: ${pages * perPage}\n\n`);
    response.resume();
    const received = await body;
    response.destroy();
    // Every replayed event once, in order, then the cursor; never cut off.
    expect(ids(received)).toEqual([
      ...Array.from({ length: pages * perPage }, (_, index) => index + 1),
      pages * perPage,
    ]);
    expect(received).not.toMatch(/overflow/);
    // A page (about 50 KB here) is written on top of at most the buffer bound.
    expect(mostWaiting).toBeLessThanOrEqual(maxBufferBytes);
  });
});
