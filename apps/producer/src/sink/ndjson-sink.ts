// Writes events as NDJSON: the Avro field names, event_time in epoch milliseconds, one event a line.
import type { Writable } from 'node:stream';
import type { MarketEvent } from '@spreadwatch/market-events';
import type { EventSink, SinkReport } from './event-sink.ts';

export function createNdjsonSink(out: Writable): EventSink {
  let sent = 0;
  let acknowledged = 0;
  const failed: MarketEvent[] = [];
  let failure: string | undefined;
  // A closed pipe (e.g. `| head`) surfaces as an error event; remember it rather than crash.
  const onError = (error: Error) => {
    failure ??= error.message;
  };
  out.on('error', onError);

  return {
    async write(events) {
      if (failure !== undefined) throw new Error(`output failed: ${failure}`);
      let chunk = '';
      for (const e of events) chunk += JSON.stringify(e) + '\n';
      sent += events.length;
      const flushed = new Promise<void>((resolve) => {
        const ready = out.write(chunk, (error) => {
          if (error) {
            failed.push(...events);
            failure ??= error.message;
          } else {
            acknowledged += events.length;
          }
          if (!ready) resolve();
        });
        if (ready) resolve();
      });
      await flushed;
      if (failure !== undefined) throw new Error(`output failed: ${failure}`);
    },
    async close(): Promise<SinkReport> {
      // An empty write's callback runs after every earlier chunk's.
      if (failure === undefined) await new Promise<void>((resolve) => out.write('', () => resolve()));
      out.off('error', onError);
      return failure === undefined ? { sent, acknowledged, failed } : { sent, acknowledged, failed, failure };
    },
  };
}
