// A minimal Server-Sent Events reader for tests and the benchmark: parses a byte stream into messages and
// keeps the Last-Event-ID the way a browser's EventSource does (an id-only message moves it too).
import type { Readable } from 'node:stream';

export interface SseMessage {
  event: string;
  id: string | undefined;
  data: string;
  receivedAt: number;
}

export class SseReader {
  lastEventId: string | undefined;
  private readonly messages: SseMessage[] = [];
  private readonly waiters = new Set<() => void>();
  private buffer = '';

  constructor(readonly stream: Readable) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => this.feed(chunk));
  }

  /** The first message (already received or to come) that matches; consumed up to it. */
  async next(match: (message: SseMessage) => boolean, timeoutMs = 60_000): Promise<SseMessage> {
    return (await this.until(match, timeoutMs)).pop()!;
  }

  /** The messages up to and including the first that matches, consumed. */
  async until(match: (message: SseMessage) => boolean, timeoutMs = 60_000): Promise<SseMessage[]> {
    return this.messages.splice(0, (await this.waitFor(match, timeoutMs)) + 1);
  }

  /** Waits for a message that matches (already received or to come) and returns its index, consuming none. */
  async waitFor(match: (message: SseMessage) => boolean, timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.messages.findIndex(match);
      if (index >= 0) return index;
      if (Date.now() > deadline) throw new Error(`no matching event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 250);
        this.waiters.add(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  /** Every message received and not consumed yet, consumed. */
  take(): SseMessage[] {
    return this.messages.splice(0);
  }

  close(): void {
    this.stream.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.parse(block);
    }
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  private parse(block: string): void {
    const message: SseMessage = { event: 'message', id: undefined, data: '', receivedAt: Date.now() };
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue;
      const [field, ...rest] = line.split(':');
      const value = rest.join(':').replace(/^ /, '');
      if (field === 'event') message.event = value;
      if (field === 'id') message.id = this.lastEventId = value;
      if (field === 'data') message.data += value;
    }
    // Like EventSource: a block without data dispatches nothing (an id in it still moved lastEventId).
    if (message.data !== '' || message.id !== undefined) this.messages.push(message);
  }
}
