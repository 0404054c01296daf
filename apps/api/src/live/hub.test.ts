import type { FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Changes, ChangesRepository } from '../repositories/changes.ts';
import type { Alert, Bar } from '../schemas/rows.ts';
import { LiveHub } from './hub.ts';
import type { LiveEvent } from './sse.ts';

// The hub over an in-memory change log: numbered changes, a head the test moves (what is committed), and
// a pruning horizon.
function memoryChanges() {
  const rows: { kind: 'window' | 'bar' | 'alert'; seq: number; row: unknown }[] = [];
  let head = 100;
  let prunedThrough = 0;
  const repository: ChangesRepository = {
    head: async () => head,
    between: async (after, until, limit) => {
      const upper = Math.min(until ?? head, head);
      const pick = (kind: 'window' | 'bar' | 'alert') =>
        rows
          .filter((entry) => entry.kind === kind && entry.seq > after && entry.seq <= upper)
          .filter((entry) => entry.seq > prunedThrough)
          .slice(0, limit)
          .map(({ seq, row }) => ({ seq, row }));
      return {
        upper,
        prunedThrough,
        window: pick('window'),
        bar: pick('bar'),
        alert: pick('alert'),
      } as Changes;
    },
    prune: async () => 0,
  };
  return {
    repository,
    add: (kind: 'window' | 'bar' | 'alert', seq: number, row: unknown) => rows.push({ kind, seq, row }),
    commit: (seq: number) => (head = seq),
    prune: (seq: number) => (prunedThrough = seq),
  };
}

const silent = { error: () => undefined } as unknown as FastifyBaseLogger;
const alert = { symbol: 'X', windowStart: '2026-01-01T00:00:00.000Z', alertType: 'spread_anomaly' } as Alert;
const hubs: LiveHub[] = [];
afterEach(() => hubs.splice(0).forEach((hub) => hub.close()));

function hub(changes: ReturnType<typeof memoryChanges>, replayLimit?: number): LiveHub {
  const created = new LiveHub(
    changes.repository,
    { pollMs: 5, retentionS: 3600, pageSize: 2, replayLimit },
    silent,
  );
  hubs.push(created);
  return created;
}

async function started(changes: ReturnType<typeof memoryChanges>): Promise<LiveHub> {
  const created = hub(changes);
  await created.start();
  return created;
}

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

const replayed = async (source: AsyncGenerator<LiveEvent[]>): Promise<LiveEvent[]> => {
  const events: LiveEvent[] = [];
  for await (const page of source) events.push(...page);
  return events;
};

describe('LiveHub', () => {
  it('broadcasts changes past its cursor to subscribers, with their number as id, over several pages', async () => {
    const changes = memoryChanges();
    const live = await started(changes);
    const events: LiveEvent[] = [];
    live.subscribe({ send: (batch) => events.push(...batch), close: () => undefined });
    changes.add('bar', 101, { symbol: 'A' } as Bar);
    changes.add('window', 102, { symbol: 'B' });
    changes.add('bar', 104, { symbol: 'C' } as Bar);
    changes.add('bar', 105, { symbol: 'D' } as Bar);
    changes.add('bar', 107, { symbol: 'E' } as Bar);
    changes.commit(110);
    await until(() => live.cursor === 110);
    expect(events.map((event) => [event.event, event.id])).toEqual([
      ['bar', '101'],
      ['window', '102'],
      ['bar', '104'],
      ['bar', '105'],
      ['bar', '107'],
    ]);
  });

  it('sends the first change of an alert pushed from the topic as a cursor move, a correction in full', async () => {
    const changes = memoryChanges();
    const live = await started(changes);
    const events: LiveEvent[] = [];
    live.subscribe({ send: (batch) => events.push(...batch), close: () => undefined });
    live.pushAlert(alert, Date.parse('2026-01-01T00:01:00.005Z'));
    changes.add('alert', 105, alert);
    changes.add('alert', 106, { ...alert, maxSpreadBps: 9 });
    changes.commit(110);
    await until(() => live.cursor === 110);
    expect(events).toEqual([
      { event: 'alert', data: { ...alert, emittedAt: '2026-01-01T00:01:00.005Z' } },
      { id: '105' },
      { event: 'alert', id: '106', data: { ...alert, maxSpreadBps: 9 } },
    ]);
  });

  it('replays the changes between a client cursor and its own, and ends a long replay with a gap', async () => {
    const changes = memoryChanges();
    const live = hub(changes, 2);
    for (const seq of [10, 20, 30, 40]) changes.add('window', seq, { symbol: `W${seq}` });
    expect((await replayed(live.replay(15, 30))).map((event) => event.id)).toEqual(['20', '30']);
    expect((await replayed(live.replay(0, 40))).map((event) => [event.event, event.id])).toEqual([
      ['window', '10'],
      ['window', '20'],
      ['gap', '40'],
    ]);
  });

  it('tells a client that resumes from before the pruned changes where the gap is, then replays the rest', async () => {
    const changes = memoryChanges();
    const live = hub(changes);
    for (const seq of [10, 20, 30]) changes.add('bar', seq, { symbol: `B${seq}` });
    changes.prune(20);
    expect(await replayed(live.replay(5, 30))).toEqual([
      { event: 'gap', id: '20', data: { fromCursor: '5', toCursor: '20' } },
      { event: 'bar', id: '30', data: { symbol: 'B30' } },
    ]);
  });

  it('follows the head while nobody listens, without reading changes', async () => {
    const changes = memoryChanges();
    const live = await started(changes);
    changes.add('bar', 105, { symbol: 'unheard' } as Bar);
    changes.commit(120);
    await until(() => live.cursor === 120);
    const events: LiveEvent[] = [];
    live.subscribe({ send: (batch) => events.push(...batch), close: () => undefined });
    changes.add('bar', 125, { symbol: 'heard' } as Bar);
    changes.commit(130);
    await until(() => live.cursor === 130);
    expect(events.map((event) => event.id)).toEqual(['125']);
  });
});
