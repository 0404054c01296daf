// Supervision with a real PM2 daemon of a throwaway state folder (never the shared stack's): a process
// killed with SIGKILL comes back by itself, its restart counted and the signal kept as its last exit;
// stopping ends it and the daemon, and leaves alone a process that merely names the folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Supervisor = typeof import('../src/process/supervisor.ts');

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('the supervisor', () => {
  let home: string;
  let supervisor: Supervisor;
  let bystander: ChildProcess;

  beforeAll(async () => {
    home = mkdtempSync(path.join(os.tmpdir(), 'spreadwatch-supervision-'));
    mkdirSync(path.join(home, 'logs'));
    writeFileSync(path.join(home, 'logs/sleeper.log'), '');
    // The config module reads SPREADWATCH_HOME as it loads: a fresh module graph for this folder.
    vi.stubEnv('SPREADWATCH_HOME', home);
    vi.resetModules();
    supervisor = await import('../src/process/supervisor.ts');
    bystander = spawn('tail', ['-f', path.join(home, 'logs/sleeper.log')], { stdio: 'ignore' });
  });

  afterAll(async () => {
    await supervisor.stopSupervised([], () => undefined);
    bystander.kill('SIGKILL');
    vi.unstubAllEnvs();
    rmSync(home, { recursive: true, force: true });
  });

  it('restarts a killed process, counts it, and stops only what it started', async () => {
    const first = await supervisor.supervise('sleeper', path.join(home, 'logs/sleeper.log'), {
      command: 'sleep',
      args: ['600'],
    });
    expect(first).toBeDefined();
    process.kill(first!, 'SIGKILL');

    await vi.waitFor(
      async () => {
        const proc = await supervisor.supervisedProcess('sleeper');
        expect(proc).toMatchObject({ status: 'online', restarts: 1 });
        expect(proc!.pid).not.toBe(first);
      },
      { timeout: 20_000, interval: 250 },
    );
    const restarted = (await supervisor.supervisedProcess('sleeper'))!;
    expect(restarted.lastExit).toMatchObject({ code: 0, signal: 'SIGKILL' });
    expect(alive(restarted.pid!)).toBe(true);

    const outcomes: string[] = [];
    await supervisor.stopSupervised(['sleeper'], (name, outcome) => outcomes.push(`${name}: ${outcome}`));
    expect(outcomes).toEqual([`sleeper: stopped (pid ${restarted.pid})`]);
    expect(alive(restarted.pid!)).toBe(false);
    expect(supervisor.daemonPid()).toBeUndefined();
    expect(alive(bystander.pid!)).toBe(true);
  });

  it('keeps a stopped process down until it is started again', async () => {
    const first = (await supervisor.supervise('napper', path.join(home, 'logs/sleeper.log'), {
      command: 'sleep',
      args: ['600'],
    }))!;
    await supervisor.stopSupervisedProcess('napper');
    expect(alive(first)).toBe(false);
    // Longer than the first restart delay (0.5 s): a crash would have been restarted by now.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await supervisor.supervisedProcess('napper')).toMatchObject({ status: 'stopped', pid: undefined });

    const second = await supervisor.startSupervisedProcess('napper');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(alive(second!)).toBe(true);
    expect(await supervisor.supervisedProcess('napper')).toMatchObject({ status: 'online', pid: second });
    await expect(supervisor.stopSupervisedProcess('nobody')).rejects.toThrow('runs no process named nobody');
  });
});
