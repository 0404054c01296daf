// The SSE connection, read with fetch so the reconnect is ours: Last-Event-ID on every retry (the server
// replays what was missed), backoff while the API is down, and the server's retry hint honoured.
import { backoffDelay } from '../lib/backoff.ts';
import { SseParser } from '../lib/sse-parser.ts';
import type { ConnectionStatus } from './live-context.ts';
import { parseLiveEvent, type LiveEvent } from './types.ts';

export interface LiveStreamHandlers {
  onEvent: (event: LiveEvent) => void;
  onStatus: (status: ConnectionStatus) => void;
}

export function openLiveStream(url: string, handlers: LiveStreamHandlers): () => void {
  const controller = new AbortController();
  let lastEventId: string | undefined;
  let attempt = 0;

  const connect = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      const parser = new SseParser();
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream' };
        if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
        const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
        if (!response.ok || !response.body) throw new Error(`stream: HTTP ${response.status}`);
        handlers.onStatus('open');
        attempt = 0;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const message of parser.push(value)) {
            const event = parseLiveEvent(message.event, message.data);
            if (event) handlers.onEvent(event);
          }
          lastEventId = parser.lastEventId ?? lastEventId;
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      handlers.onStatus('reconnecting');
      const delay =
        parser.retry !== undefined && attempt === 0 ? parser.retry : backoffDelay(attempt, Math.random());
      attempt++;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  };
  void connect();
  return () => controller.abort();
}
