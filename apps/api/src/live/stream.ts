// One client's event stream: subscribe first (holding live events), replay what it missed since its
// Last-Event-ID from PostgreSQL, then release the held events. Live events all come after the cursor read
// at subscription, so nothing is lost or sent twice between replay and live.
import type { ServerResponse } from 'node:http';
import type { LiveHub } from './hub.ts';
import { formatEvent, type LiveEvent } from './sse.ts';

export type LiveKind = 'window' | 'bar' | 'alert';

export interface StreamOptions {
  /** Cursor of the client's Last-Event-ID; undefined for a new client (only events from now on). */
  after: number | undefined;
  kinds: readonly LiveKind[];
  heartbeatMs?: number;
}

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
  const wanted = (event: LiveEvent): boolean =>
    !event.event || event.event === 'gap' || options.kinds.includes(event.event);
  // An event of an unwanted type still moves the client's cursor.
  const write = (event: LiveEvent): void => {
    if (wanted(event)) response.write(formatEvent(event));
    else if (event.id !== undefined) response.write(formatEvent({ id: event.id }));
  };
  let held: LiveEvent[] | undefined = [];
  const unsubscribe = hub.subscribe({
    send: (event) => (held ? held.push(event) : write(event)),
    close: () => response.end(),
  });
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), options.heartbeatMs ?? 15_000);
  response.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
  const until = hub.cursor;
  response.write('retry: 1000\n\n');
  const missed =
    options.after === undefined
      ? []
      : await hub.replay(options.after, until).catch((error: unknown) => {
          response.end();
          throw error;
        });
  for (const event of missed) write(event);
  // The cursor the client resumes from if nothing else arrives before it reconnects (never moved back).
  write({ id: String(Math.max(options.after ?? 0, until)) });
  for (const event of held) write(event);
  held = undefined;
}
