// What surrounds the routes: the built dashboard at /, JSON errors without internals, and the server
// process's graceful shutdown.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createNamespace, testConfig, uniqueNamespace } from './helper.ts';
import { SseReader } from './sse-client.ts';

const config = testConfig(uniqueNamespace('api_shell'));
let dropNamespace: () => Promise<void>;

beforeAll(async () => {
  dropNamespace = await createNamespace(config);
});
afterAll(async () => dropNamespace());

describe('app shell', () => {
  it('serves the built dashboard at /, index.html for client routes, and JSON 404s under /api', async () => {
    const webDistDir = mkdtempSync(path.join(tmpdir(), 'web-dist-'));
    writeFileSync(path.join(webDistDir, 'index.html'), '<!doctype html><title>Spreadwatch</title>');
    writeFileSync(path.join(webDistDir, 'app.js'), 'console.log(1)');
    const app = await build({ ...config, webDistDir });
    expect((await app.inject('/')).body).toContain('<title>Spreadwatch</title>');
    expect((await app.inject('/app.js')).headers['content-type']).toMatch(/javascript/);
    expect((await app.inject('/symbols/AAPL')).body).toContain('<title>Spreadwatch</title>');
    expect((await app.inject('/api/nothing')).json()).toMatchObject({ statusCode: 404 });
  });

  it('answers a failing query with a 500 that reveals nothing of the server', async () => {
    const app = await build(testConfig(uniqueNamespace('api_no_tables')));
    const response = await app.inject('/api/metrics/latest');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'internal error; see the server log',
    });
  });

  it('ends open event streams and exits 0 on SIGTERM', async () => {
    const server = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve(import.meta.dirname, '../src/server.ts')],
      {
        env: {
          ...process.env,
          SPREADWATCH_API_PORT: '0',
          SPREADWATCH_NAMESPACE: config.schema,
          SPREADWATCH_API_TOKEN: 'x',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    const address = await new Promise<string>((resolve) => {
      server.stdout.on('data', (chunk: Buffer) => {
        const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString());
        if (found) resolve(found[1]!);
      });
    });
    const response = await fetch(`${address}/api/live`);
    const reader = new SseReader(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream));
    await reader.next((message) => message.id !== undefined);
    const ended = new Promise((resolve) => reader.stream.on('end', resolve));
    server.kill('SIGTERM');
    await ended;
    expect(await exited).toBe(0);
  });
});
