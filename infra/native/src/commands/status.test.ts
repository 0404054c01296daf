import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { apiReadiness, formatStatus } from './status.ts';

describe('formatStatus', () => {
  it('shows each service with pid, health, restarts, last exit and RSS, and the total', () => {
    const text = formatStatus([
      {
        name: 'kafka',
        pid: 42,
        healthy: true,
        detail: '1 broker(s)',
        rssBytes: 300 * 2 ** 20,
        port: 9092,
        logFile: '/x',
        restarts: 2,
        lastExit: { at: '2026-11-25T02:17:52', code: 0, signal: 'SIGKILL' },
      },
      {
        name: 'postgres',
        healthy: false,
        detail: 'not running (waiting restart)',
        port: 5432,
        logFile: '/y',
        restarts: 0,
      },
    ]);
    const [header, kafka, postgres] = text.split('\n');
    expect(header).toMatch(/^SERVICE\s+PID\s+PORT\s+HEALTH\s+RESTARTS\s+LAST EXIT\s+RSS\s+DETAIL$/);
    expect(kafka).toMatch(/^kafka\s+42\s+9092\s+healthy\s+2\s+SIGKILL 02:17:52\s+300 MiB\s+1 broker\(s\)$/);
    expect(postgres).toMatch(/^postgres\s+-\s+5432\s+DOWN\s+0\s+-\s+-\s+not running \(waiting restart\)$/);
    expect(text).toMatch(/total RSS 300 MiB$/);
  });

  it("lists the API's readiness causes under its line", () => {
    const text = formatStatus([
      {
        name: 'api',
        pid: 7,
        healthy: false,
        detail: 'up, not ready (2 causes)',
        rssBytes: 100 * 2 ** 20,
        port: 3000,
        logFile: '/a',
        causes: [
          'spreadwatch-spread-metrics is RESTARTING for 40 s, 5 restarts',
          'no TaskManager registered with the JobManager',
        ],
      },
      {
        name: 'producer',
        pid: 8,
        healthy: true,
        detail: '10 events in market_events',
        port: 9092,
        logFile: '/p',
      },
    ]);
    expect(text.split('\n').slice(1, 5)).toEqual([
      expect.stringMatching(/^api\s+7\s+3000\s+NOT READY\s+-\s+-\s+100 MiB\s+up, not ready \(2 causes\)$/),
      '    - spreadwatch-spread-metrics is RESTARTING for 40 s, 5 restarts',
      '    - no TaskManager registered with the JobManager',
      expect.stringMatching(/^producer\s+8\s+9092\s+healthy\s+-\s+-\s+-\s+10 events in market_events$/),
    ]);
  });
});

describe('apiReadiness', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A stand-in for the API answering /readyz with this status and body, on a free port. */
  async function api(status: number, body: string): Promise<string> {
    server = createServer((_request, response) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('is ready on 200', async () => {
    const url = await api(200, '{"status":"ready","causes":[]}');
    expect(await apiReadiness(url)).toEqual({ healthy: true, detail: `ready, dashboard at ${url}` });
  });

  it('lists the causes of a 503', async () => {
    const url = await api(
      503,
      '{"status":"unavailable","causes":["spreadwatch-spread-metrics is missing (never submitted)"]}',
    );
    expect(await apiReadiness(url)).toEqual({
      healthy: false,
      detail: 'up, not ready (1 cause)',
      causes: ['spreadwatch-spread-metrics is missing (never submitted)'],
    });
  });

  it('says the API is down when it answers otherwise or not at all', async () => {
    const url = await api(500, 'oops');
    expect(await apiReadiness(url)).toEqual({
      healthy: false,
      detail: 'the API is down: /readyz answered 500',
    });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    expect((await apiReadiness(url)).detail).toMatch(
      /^the API is down: connect ECONNREFUSED 127\.0\.0\.1:\d+$/,
    );
  });
});
