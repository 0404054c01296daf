import { describe, expect, it } from 'vitest';
import {
  decide,
  eventWindowStart,
  lastLanding,
  type ActiveJob,
  type CatalogJob,
  type Observation,
  type ReadinessSettings,
} from './decide.ts';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const s = (seconds: number): number => seconds * 1000;
const settings: ReadinessSettings = {
  maxWindowAgeMs: s(150),
  graceMs: s(15),
  crashLoopWindowMs: s(60),
  crashLoopRestarts: 3,
};

const running = (overrides: Partial<ActiveJob> = {}): ActiveJob => ({
  id: 'a'.repeat(32),
  state: 'RUNNING',
  startTime: NOW - s(3600),
  stateSince: NOW - s(3590),
  vertexStatuses: ['RUNNING', 'RUNNING', 'RUNNING'],
  restarts: 0,
  lastRestartAt: null,
  ...overrides,
});

const job = (
  name: string,
  active: ActiveJob | null,
  lastEnded: CatalogJob['lastEnded'] = null,
): CatalogJob => ({
  name,
  active,
  lastEnded,
});

/** A healthy system: both jobs running for an hour, windows landing, events arriving. */
function observation(overrides: Partial<Observation> = {}): Observation {
  return {
    now: NOW,
    postgres: { ok: true, value: null },
    jobManager: { ok: true, value: { taskManagers: 1 } },
    jobs: {
      ok: true,
      value: [job('spreadwatch-spread-metrics', running()), job('spreadwatch-spread-bars-1s', running())],
    },
    kafka: { ok: true, value: { brokers: 1 } },
    sinks: {
      ok: true,
      value: [
        { table: 'spread_metrics', newestRowAt: NOW - s(40) },
        { table: 'spread_bars_1s', newestRowAt: NOW - s(1) },
      ],
    },
    events: {
      ok: true,
      value: { topic: 'market_events', topicExists: true, since: { spread_metrics: 0, spread_bars_1s: 0 } },
    },
    ...overrides,
  };
}

describe('decide', () => {
  it('is ready when every check passes, with an empty cause list', () => {
    const result = decide(observation(), settings);
    expect(result.status).toBe('ready');
    expect(result.causes).toEqual([]);
    expect(Object.values(result.checks).every((check) => check.ok)).toBe(true);
    expect(result.checks.taskManagers.detail).toBe('1 TaskManager registered');
    expect(result.checks.jobs.detail).toBe(
      'spreadwatch-spread-metrics RUNNING, 0 restarts; spreadwatch-spread-bars-1s RUNNING, 0 restarts',
    );
  });

  it('names a missing job, and the state of its last run', () => {
    const result = decide(
      observation({
        jobs: {
          ok: true,
          value: [
            job('spreadwatch-spread-metrics', null),
            job('spreadwatch-spread-bars-1s', null, { state: 'CANCELED', endTime: NOW - s(30) }),
          ],
        },
      }),
      settings,
    );
    expect(result.status).toBe('unavailable');
    expect(result.causes).toEqual([
      'spreadwatch-spread-metrics is missing (never submitted)',
      'spreadwatch-spread-bars-1s is missing (its last run ended CANCELED 30 s ago)',
    ]);
    expect(result.checks.jobs.ok).toBe(false);
  });

  it('names a job RESTARTING or CREATED past the grace, with its restart count', () => {
    const result = decide(
      observation({
        jobs: {
          ok: true,
          value: [
            job(
              'spreadwatch-spread-metrics',
              running({ state: 'RESTARTING', stateSince: NOW - s(25), restarts: 2 }),
            ),
            job(
              'spreadwatch-spread-bars-1s',
              running({ state: 'CREATED', stateSince: NOW - s(16), restarts: null }),
            ),
          ],
        },
      }),
      settings,
    );
    expect(result.causes).toEqual([
      'spreadwatch-spread-metrics is RESTARTING for 25 s, 2 restarts',
      'spreadwatch-spread-bars-1s is CREATED for 16 s',
    ]);
  });

  it('gives a job that is starting the grace', () => {
    const starting = running({
      state: 'INITIALIZING',
      startTime: NOW - s(5),
      stateSince: NOW - s(5),
      vertexStatuses: ['CREATED'],
    });
    const deploying = running({ stateSince: NOW - s(10), vertexStatuses: ['RUNNING', 'DEPLOYING'] });
    const result = decide(
      observation({
        jobs: {
          ok: true,
          value: [job('spreadwatch-spread-metrics', starting), job('spreadwatch-spread-bars-1s', deploying)],
        },
      }),
      settings,
    );
    expect(result.status).toBe('ready');
    expect(result.checks.jobs.detail).toContain('spreadwatch-spread-metrics INITIALIZING for 5 s (starting)');
  });

  it('names a RUNNING job whose vertices wait past the grace (no slots to run on)', () => {
    const waiting = running({
      stateSince: NOW - s(40),
      vertexStatuses: ['RUNNING', 'SCHEDULED', 'SCHEDULED'],
    });
    const result = decide(
      observation({ jobs: { ok: true, value: [job('spreadwatch-spread-metrics', waiting)] } }),
      settings,
    );
    expect(result.causes).toEqual([
      'spreadwatch-spread-metrics is RUNNING for 40 s but 2 of 3 vertices are not (SCHEDULED), 0 restarts',
    ]);
  });

  it('names a crash loop even while the job is briefly RUNNING between restarts', () => {
    const between = running({ stateSince: NOW - s(1), restarts: 6, lastRestartAt: NOW - s(31) });
    const result = decide(
      observation({ jobs: { ok: true, value: [job('spreadwatch-spread-metrics', between)] } }),
      settings,
    );
    expect(result.causes).toEqual([
      'spreadwatch-spread-metrics keeps restarting: 6 restarts, the last 31 s ago (now RUNNING)',
    ]);
  });

  it('forgets old restarts, and does not call one or two recent restarts a loop', () => {
    const recovered = running({ restarts: 9, lastRestartAt: NOW - s(61) });
    const once = running({ stateSince: NOW - s(2), restarts: 2, lastRestartAt: NOW - s(3) });
    const result = decide(
      observation({
        jobs: {
          ok: true,
          value: [job('spreadwatch-spread-metrics', recovered), job('spreadwatch-spread-bars-1s', once)],
        },
      }),
      settings,
    );
    expect(result.status).toBe('ready');
    expect(result.checks.jobs.detail).toContain('spreadwatch-spread-metrics RUNNING, 9 restarts');
  });

  it('fails without a TaskManager', () => {
    const result = decide(observation({ jobManager: { ok: true, value: { taskManagers: 0 } } }), settings);
    expect(result.status).toBe('unavailable');
    expect(result.causes).toEqual(['no TaskManager registered with the JobManager']);
    expect(result.checks.taskManagers).toEqual({
      ok: false,
      detail: 'no TaskManager registered with the JobManager',
    });
  });

  it('names an unreachable JobManager once, and leaves what depends on it unknown', () => {
    const result = decide(
      observation({
        jobManager: { ok: false, error: 'fetch failed' },
        jobs: { ok: false, error: 'fetch failed' },
      }),
      settings,
    );
    expect(result.causes).toEqual(['Flink JobManager unreachable: fetch failed']);
    expect(result.checks.taskManagers).toEqual({
      ok: false,
      detail: 'unknown: the JobManager did not answer',
    });
    expect(result.checks.jobs).toEqual({ ok: false, detail: 'unknown: the JobManager did not answer' });
  });

  it('names unreachable PostgreSQL and Kafka', () => {
    const result = decide(
      observation({
        postgres: { ok: false, error: 'connect ECONNREFUSED 127.0.0.1:5432' },
        sinks: { ok: false, error: 'connect ECONNREFUSED 127.0.0.1:5432' },
        kafka: { ok: false, error: 'Connection timeout' },
        events: { ok: false, error: 'Connection timeout' },
      }),
      settings,
    );
    expect(result.causes).toEqual([
      'PostgreSQL unreachable: connect ECONNREFUSED 127.0.0.1:5432',
      'Kafka unreachable: Connection timeout',
    ]);
    expect(result.checks.freshness.ok).toBe(false);
  });

  it('fails freshness when events arrive but no window landed for longer than the bound', () => {
    const result = decide(
      observation({
        sinks: {
          ok: true,
          value: [
            { table: 'spread_metrics', newestRowAt: NOW - s(200) },
            { table: 'spread_bars_1s', newestRowAt: NOW - s(100) },
          ],
        },
        events: {
          ok: true,
          value: {
            topic: 'market_events.x',
            topicExists: true,
            since: { spread_metrics: 42, spread_bars_1s: 0 },
          },
        },
      }),
      settings,
    );
    expect(result.causes).toEqual([
      'no window landed in spread_metrics for 200 s while events arrive (42 events in market_events.x in the last 50 s; bound 150 s)',
    ]);
    expect(result.checks.freshness.ok).toBe(false);
  });

  it('passes freshness on stale rows when no events arrive', () => {
    const result = decide(
      observation({
        sinks: { ok: true, value: [{ table: 'spread_metrics', newestRowAt: NOW - s(3600) }] },
        events: {
          ok: true,
          value: { topic: 'market_events', topicExists: true, since: { spread_metrics: 0 } },
        },
      }),
      settings,
    );
    expect(result.status).toBe('ready');
    expect(result.checks.freshness.detail).toBe(
      'spread_metrics newest row 3600 s old; no events overdue for a window (bound 150 s)',
    );
  });

  it('gives a freshly started job the bound to land its first window', () => {
    const fresh = running({ startTime: NOW - s(30), stateSince: NOW - s(28) });
    const observed = observation({
      jobs: { ok: true, value: [job('spreadwatch-spread-metrics', fresh)] },
      sinks: { ok: true, value: [{ table: 'spread_metrics', newestRowAt: null }] },
      events: {
        ok: true,
        value: { topic: 'market_events', topicExists: true, since: { spread_metrics: 0 } },
      },
    });
    expect(decide(observed, settings).status).toBe('ready');
  });

  it('fails freshness when events arrive into a namespace where no window ever landed', () => {
    const result = decide(
      observation({
        jobs: { ok: true, value: [] },
        sinks: { ok: true, value: [{ table: 'spread_bars_1s', newestRowAt: null }] },
        events: {
          ok: true,
          value: { topic: 'market_events', topicExists: true, since: { spread_bars_1s: 7 } },
        },
      }),
      settings,
    );
    expect(result.causes).toEqual([
      'no window has landed in spread_bars_1s while events arrive (7 events in market_events in the last 150 s)',
    ]);
  });

  it('passes freshness when the source topic does not exist yet', () => {
    const result = decide(
      observation({
        events: { ok: true, value: { topic: 'market_events.y', topicExists: false, since: {} } },
      }),
      settings,
    );
    expect(result.checks.freshness).toEqual({
      ok: true,
      detail: 'no events: topic market_events.y does not exist yet',
    });
  });
});

describe('lastLanding and eventWindowStart', () => {
  it('takes the newest of the last row and the active jobs’ starts', () => {
    expect(lastLanding({ table: 't', newestRowAt: 100 }, [50, 300])).toBe(300);
    expect(lastLanding({ table: 't', newestRowAt: 400 }, [50])).toBe(400);
    expect(lastLanding({ table: 't', newestRowAt: null }, [])).toBeNull();
  });

  it('counts events that came more than the bound after the landing and within the last bound', () => {
    const bound = s(150);
    // Landed 10 s ago: only events from 140 s in the future would count, so none do.
    expect(eventWindowStart(NOW - s(10), NOW, bound)).toBe(NOW + s(140));
    // Landed 200 s ago: events of the last 50 s came more than the bound after it.
    expect(eventWindowStart(NOW - s(200), NOW, bound)).toBe(NOW - s(50));
    // Landed an hour ago: only events of the last bound, not a stream that stopped long ago.
    expect(eventWindowStart(NOW - s(3600), NOW, bound)).toBe(NOW - bound);
    expect(eventWindowStart(null, NOW, bound)).toBe(NOW - bound);
  });
});
