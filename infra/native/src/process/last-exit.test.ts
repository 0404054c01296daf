// Reading exits out of PM2's log, on lines in the format PM2 7 writes (lib/God.js handleExit).
import { describe, expect, it } from 'vitest';
import { describeExit, lastExits } from './last-exit.ts';

const log = [
  '2026-11-25T02:17:48: PM2 log: App [kafka:1] starting in -fork mode-',
  '2026-11-25T02:17:48: PM2 log: App [kafka:1] online',
  '2026-11-25T02:17:52: PM2 log: App [kafka:1] exited with code [0] via signal [SIGKILL]',
  '2026-11-25T02:17:52: PM2 log: App [kafka:1] will restart in 500ms',
  '2026-11-25T02:18:10: PM2 log: App [flink-taskmanager:4] exited with code [0] via signal [SIGKILL]',
  '2026-11-25T02:19:01: PM2 log: App [kafka:1] exited with code [1] via signal [SIGINT]',
  '2026-11-25T02:19:30: PM2 log: App [api:6] exited with code [0] via signal [SIGINT]',
].join('\n');

describe('lastExits', () => {
  it("keeps each app's latest exit with its code and signal", () => {
    const exits = lastExits(log);
    expect([...exits.keys()].sort()).toEqual(['api', 'flink-taskmanager', 'kafka']);
    expect(exits.get('kafka')).toEqual({ at: '2026-11-25T02:19:01', code: 1, signal: 'SIGINT' });
    expect(exits.get('flink-taskmanager')).toEqual({ at: '2026-11-25T02:18:10', code: 0, signal: 'SIGKILL' });
  });

  it('ignores lines that are not exits', () => {
    expect(lastExits('2026-11-25T02:17:48: PM2 log: App [kafka:1] online\nnoise\n').size).toBe(0);
  });
});

describe('describeExit', () => {
  it('names the signal that killed the process, or the exit code', () => {
    expect(describeExit({ at: '', code: 0, signal: 'SIGKILL' })).toBe('SIGKILL');
    expect(describeExit({ at: '', code: 143, signal: 'SIGINT' })).toBe('exit code 143');
    // PM2 logs SIGINT for a process that exited by itself: code 0 cannot tell the two apart.
    expect(describeExit({ at: '', code: 0, signal: 'SIGINT' })).toBe('exit code 0 or SIGINT');
  });
});
