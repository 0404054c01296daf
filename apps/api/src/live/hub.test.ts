import type { FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Changes, ChangesRepository } from '../repositories/changes.ts';
import type { Alert, Bar } from '../schemas/rows.ts';
import { LiveHub } from './hub.ts';
import type { LiveEvent } from './sse.ts';

// The hub over an in-memory table set: rows with cursors, and a settled cursor the test moves.
function memoryChanges() {
  const rows: { kind: keyof Changes; cursorUs: number; row: unknown }[] = [];
  let settled = 100;
  const repository: ChangesRepository = {
    settledCursor: async () => settled,
    between: async (after, upper, limit) => {
      const pick = (kind: keyof Changes) =>
        rows
          .filter((entry) => entry.kind === kind && entry.cursorUs > after && entry.cursorUs <= upper)
          .slice(0, limit)
          .map(({ cursorUs, row }) => ({ cursorUs, row }));
      return { window: pick('window'), bar: pick('bar'), alert: pick('alert') } as Changes;
    },
  };
  return {
    repository,
    add: (kind: keyof Changes, cursorUs: number, row: unknown) => rows.push({ kind, cursorUs, row }),
    settle: (cursor: number) => (settled = cursor),
  };
}

const silent = { error: () => undefined } as unknown as FastifyBaseLogger;
const alert = { symbol: 'X', windowStart: '2026-01-01T00:00:00.000Z', alertType: 'spread_anomaly' } as Alert;
const hubs: LiveHub[] = [];
afterEach(() => hubs.splice(0).forEach((hub) => hub.close()));

async function started(changes: ReturnType<typeof memoryChanges>): Promise<LiveHub> {
  const hub = new LiveHub(changes.repository, { pollMs: 5, settleMs: 0, pageSize: 2 }, silent);
  hubs.push(hub);
  await hub.start();
  return hub;
}

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('LiveHub', () => {
  it('broadcasts rows past its cursor to subscribers, with the cursor as id, in pages', async () => {
    const changes = memoryChanges();
    const hub = await started(changes);
    const events: LiveEvent[] = [];
    hub.subscribe({ send: (event) => events.push(event), close: () => undefined });
    changes.add('bar', 101, { symbol: 'A' } as Bar);
    changes.add('bar', 102, { symbol: 'B' } as Bar);
    changes.add('bar', 103, { symbol: 'C' } as Bar);
    changes.settle(110);
    await until(() => hub.cursor === 110);
    expect(events.map((event) => [event.event, event.id])).toEqual([
      ['bar', '101'],
      ['bar', '102'],
      ['bar', '103'],
    ]);
  });

  it('sends an alert already pushed from the topic again only as a cursor move', async () => {
    const changes = memoryChanges();
    const hub = await started(changes);
    const events: LiveEvent[] = [];
    hub.subscribe({ send: (event) => events.push(event), close: () => undefined });
    hub.pushAlert(alert, Date.parse('2026-01-01T00:01:00.005Z'));
    changes.add('alert', 105, alert);
    changes.settle(110);
    await until(() => hub.cursor === 110);
    expect(events).toEqual([
      { event: 'alert', data: { ...alert, emittedAt: '2026-01-01T00:01:00.005Z' } },
      { id: '105' },
    ]);
  });

  it('replays the rows between a client cursor and its own, and ends a long replay with a gap', async () => {
    const changes = memoryChanges();
    const hub = new LiveHub(
      changes.repository,
      { pollMs: 5, settleMs: 0, pageSize: 2, replayLimit: 2 },
      silent,
    );
    hubs.push(hub);
    for (const cursor of [10, 20, 30, 40]) changes.add('window', cursor, { symbol: `W${cursor}` });
    expect((await hub.replay(15, 30)).map((event) => event.id)).toEqual(['20', '30']);
    const long = await hub.replay(0, 40);
    expect(long.map((event) => [event.event, event.id])).toEqual([
      ['window', '10'],
      ['window', '20'],
      ['gap', '40'],
    ]);
  });

  it('follows the clock while nobody listens, without reading rows', async () => {
    const changes = memoryChanges();
    const hub = await started(changes);
    changes.add('bar', 105, { symbol: 'unheard' } as Bar);
    changes.settle(120);
    await until(() => hub.cursor === 120);
    const events: LiveEvent[] = [];
    hub.subscribe({ send: (event) => events.push(event), close: () => undefined });
    changes.add('bar', 125, { symbol: 'heard' } as Bar);
    changes.settle(130);
    await until(() => hub.cursor === 130);
    expect(events.map((event) => event.id)).toEqual(['125']);
  });
});
