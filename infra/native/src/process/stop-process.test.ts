// Pid records and stopping, against real child processes.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isOurProcess } from './pid-file.ts';
import { stopProcess } from './stop-process.ts';

function startSleeper(script: string): { pid: number; marker: string } {
  const marker = `spreadwatch-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const child = spawn(process.execPath, ['-e', script, marker], { detached: true, stdio: 'ignore' });
  child.unref();
  return { pid: child.pid!, marker };
}

describe('stopProcess', () => {
  it('stops a process with its polite signal', async () => {
    const record = { ...startSleeper('setTimeout(() => {}, 60_000)'), startedAt: '' };
    expect(isOurProcess(record)).toBe(true);
    expect(await stopProcess(record, 'SIGTERM', 5000)).toBe('stopped');
    expect(isOurProcess(record)).toBe(false);
  });

  it('kills a process that ignores the signal once the grace period is over', async () => {
    const record = { ...startSleeper("process.on('SIGTERM', () => {}); setTimeout(() => {}, 60_000)"), startedAt: '' };
    await new Promise((resolve) => setTimeout(resolve, 300)); // let it install its handler
    expect(await stopProcess(record, 'SIGTERM', 500)).toBe('killed');
    expect(isOurProcess(record)).toBe(false);
  });

  it('never signals a pid whose command line lacks the marker (a recycled pid)', async () => {
    const record = { pid: process.pid, marker: 'not-this-process-marker', startedAt: '' };
    expect(isOurProcess(record)).toBe(false);
    expect(await stopProcess(record, 'SIGTERM', 100)).toBe('not-running');
  });
});
