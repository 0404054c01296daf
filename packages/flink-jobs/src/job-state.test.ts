import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobStateDirs, newestState, pruneStates, storedStates } from './job-state.ts';

function folder(dir: string, completedAtSeconds?: number): string {
  mkdirSync(dir, { recursive: true });
  if (completedAtSeconds !== undefined) {
    const metadata = path.join(dir, '_metadata');
    writeFileSync(metadata, 'x');
    utimesSync(metadata, completedAtSeconds, completedAtSeconds);
  }
  return dir;
}

describe('job state folders', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'job-state-'));
  const dirs = jobStateDirs(root, 'spreadwatch-ns-spread-metrics');
  const oldRun = folder(path.join(dirs.checkpoints, 'aaa', 'chk-7'), 1000);
  const midRun = folder(path.join(dirs.checkpoints, 'bbb', 'chk-3'), 2000);
  const newRun = folder(path.join(dirs.checkpoints, 'ccc', 'chk-12'), 3000);
  folder(path.join(dirs.checkpoints, 'ccc', 'chk-13'));
  folder(path.join(dirs.checkpoints, 'ccc', 'shared'));
  const savepoint = folder(path.join(dirs.savepoints, 'savepoint-abc-1'), 2500);

  it('finds the newest completed checkpoint or savepoint, skipping folders without _metadata', () => {
    expect(newestState(dirs)).toEqual({ path: newRun, kind: 'checkpoint', completedAt: 3_000_000 });
    expect(storedStates(dirs).map((state) => state.path)).toEqual([newRun, savepoint, midRun, oldRun]);
  });

  it('prefers a savepoint taken after the last checkpoint', () => {
    const later = folder(path.join(dirs.savepoints, 'savepoint-abc-2'), 4000);
    expect(newestState(dirs)).toMatchObject({ path: later, kind: 'savepoint' });
  });

  it('prunes all but the newest runs and savepoints', () => {
    folder(path.join(dirs.savepoints, 'savepoint-abc-3'), 5000);
    folder(path.join(dirs.savepoints, 'savepoint-abc-4'), 6000);
    const removed = pruneStates(dirs, 2, 3);
    expect(removed.sort()).toEqual(
      [path.dirname(oldRun), path.join(dirs.savepoints, 'savepoint-abc-1')].sort(),
    );
    expect(existsSync(newRun) && existsSync(midRun)).toBe(true);
  });

  it('has nothing for a job that never ran', () => {
    expect(newestState(jobStateDirs(root, 'never'))).toBeUndefined();
  });
});
