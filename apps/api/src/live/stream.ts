// One client's event stream: replay what it missed since its Last-Event-ID from PostgreSQL until caught up
// with the hub, then take live events from the hub, so nothing is lost or sent twice between the two.
//
// Memory per client is bounded: the replay writes a page, then waits for the socket to drain before it
// reads the next; live events come in batches (one read of the change log) and wait in the socket's buffer.
// A batch that finds more than maxBufferBytes still waiting from the ones before means the client reads too
// slowly: it gets a final `overflow` event and is disconnected, and resumes with its Last-Event-ID (an
// EventSource does so by itself). So a client holds at most maxBufferBytes plus one batch, and a burst
// larger than the bound does not cut off a client that keeps up.
import type { ServerResponse } from 'node:http';
import { gapData, type LiveHub } from './hub.ts';
import { formatEvent, type LiveEvent } from './sse.ts';

export type LiveKind = 'window' | 'bar' | 'alert';

export interface StreamOptions {
  /** Cursor of the client's Last-Event-ID; undefined for a new client (only events from now on). */
  after: number | undefined;
  kinds: readonly LiveKind[];
  /** Bytes that may wait for a slow client before it is disconnected. */
  maxBufferBytes: number;
  /** Changes a reconnecting client is replayed at most before a `gap` event (default 10,000). */
  replayLimit?: number;
  heartbeatMs?: number;
}

/** How long a client cut off gets to read its final event before the socket is destroyed. */
const FAREWELL_MS = 5_000;

export async function openStream(
  hub: LiveHub,
  response: ServerResponse,
  options: StreamOptions,
): Promise<void> {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const wanted = ({ event }: LiveEvent): boolean =>
    event === undefined || event === 'gap' || event === 'overflow' || options.kinds.includes(event);
  // An event of an unwanted type still moves the client's cursor. Events at or below the client's own
  // cursor are not sent again (this process's hub may be behind the one the client was connected to).
  let after = options.after;
  const format = (event: LiveEvent): string | undefined => {
    if (event.id !== undefined && after !== undefined && Number(event.id) <= after) return undefined;
    if (wanted(event)) return formatEvent(event);
    return event.id === undefined ? undefined : formatEvent({ id: event.id });
  };
  // One write per batch: a socket write per event costs more than the event (thousands a second per client).
  const text = (events: LiveEvent[]): string => events.map(format).join('');
  let ended = false;
  let unsubscribe = (): void => undefined;
  const leave = hub.track();
  const cutOff = (): void => {
    ended = true;
    unsubscribe();
    // No longer served: it leaves the count now, while its last bytes (bounded) wait for it a moment.
    leave();
    response.end(
      formatEvent({
        event: 'overflow',
        data: {
          message: `this client read too slowly (more than ${options.maxBufferBytes} bytes waited): reconnect with Last-Event-ID to resume`,
        },
      }),
    );
    setTimeout(() => response.destroy(), FAREWELL_MS).unref();
  };
  const heartbeat = setInterval(() => {
    if (!ended) response.write(': keep-alive\n\n');
  }, options.heartbeatMs ?? 15_000);
  response.on('close', () => {
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    leave();
  });
  response.write('retry: 1000\n\n');
  if (after !== undefined && after > hub.cursor && after > (await hub.head().catch(() => 0))) {
    // Beyond every change written: a cursor of another database or of the stream before its change log.
    // The client starts from now, told by a gap that its cursor meant nothing here.
    response.write(formatEvent({ event: 'gap', id: String(hub.cursor), data: gapData(after, hub.cursor) }));
    after = hub.cursor;
  }
  // Replay from PostgreSQL until caught up with what the hub has broadcast, then subscribe in the same
  // tick, so the first live event is the next change. Nothing is held in memory meanwhile: the replay is
  // paced by the socket, and what the hub broadcasts during it is read from the log in the next round.
  let position = after ?? hub.cursor;
  let budget = options.replayLimit ?? 10_000;
  try {
    while (!ended && position < hub.cursor) {
      const until = hub.cursor;
      for await (const page of hub.replay(position, until, budget)) {
        if (ended) return;
        budget -= page.length;
        response.write(text(page));
        // writableNeedDrain: a 'drain' is coming (a response without a real socket never drains).
        if (response.writableLength > options.maxBufferBytes && response.writableNeedDrain)
          await drainedOrClosed(response);
      }
      position = until;
    }
  } catch (error) {
    response.end();
    throw error;
  }
  if (ended) return;
  // The cursor the client resumes from if nothing else arrives before it reconnects (never moved back).
  response.write(formatEvent({ id: String(Math.max(after ?? 0, position)) }));
  after = Math.max(after ?? 0, position);
  unsubscribe = hub.subscribe({
    send: (events) => {
      if (ended) return;
      if (response.writableLength > options.maxBufferBytes) return cutOff();
      const batch = text(events);
      if (batch !== '') response.write(batch);
    },
    close: () => response.end(),
  });
}

const drainedOrClosed = (response: ServerResponse): Promise<void> =>
  new Promise((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
