// The CLI as a process: exit codes, stdout purity, and the report on stderr.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('main', () => {
  it('writes the same NDJSON stream for the same seed and start time, and reports on stderr', () => {
    const args = ['--seed', '7', '--count', '1000', '--dry-run', '--start-time', '2026-01-05T14:30:00Z'];
    const first = run(args);
    expect(first.code).toBe(0);
    expect(first.stdout.trimEnd().split('\n')).toHaveLength(1000);
    expect(first.stderr).toContain('sent 1000, acknowledged 1000 events to stdout');
    expect(run(args).stdout).toBe(first.stdout);
  });

  it('exits with 2 and names the flag on invalid input', () => {
    const result = run(['--symbols', '0', '--dry-run']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: --symbols must be between 1 and 100000, got 0');
    expect(result.stdout).toBe('');
  });

  it('retries an unreachable registry with backoff, logs it, and exits with 1', async () => {
    const port = await closedPort();
    const result = run(['--count', '10', '--registry', `http://127.0.0.1:${port}`, '--brokers', `127.0.0.1:${port}`], {
      SPREADWATCH_CONNECT_ATTEMPTS: '3',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`registering the schema at http://127.0.0.1:${port} failed (attempt 1)`);
    expect(result.stderr).toMatch(/ECONNREFUSED.*retrying in 0\.5 s/);
    expect(result.stderr).toContain('failed (attempt 2)');
    expect(result.stderr).toContain('retrying in 1.0 s');
    expect(result.stderr).not.toContain('attempt 3)');
    expect(result.stderr).toContain('cannot start producing');
    expect(result.stderr).toContain('sent 0, acknowledged 0 events');
  }, 120_000);
});
