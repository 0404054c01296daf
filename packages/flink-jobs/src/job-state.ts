// Where a job's state lives: each job name has its own checkpoint and savepoint folders, so the newest
// retained checkpoint or savepoint of a job is found by its name (which carries the namespace) after the
// job, or the JobManager that ran it, is gone. Flink lays them out as
//   <checkpoints>/<job id>/chk-<n>/_metadata        (retained on cancel, RETAIN_ON_CANCELLATION)
//   <savepoints>/savepoint-<id>/_metadata
// and writes _metadata last, so a folder without it is a checkpoint still in progress or one that failed.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export interface JobStateDirs {
  checkpoints: string;
  savepoints: string;
}

export interface StoredState {
  /** What execution.savepoint.path takes: the chk-<n> or savepoint-<id> folder. */
  path: string;
  kind: 'checkpoint' | 'savepoint';
  /** When its _metadata was written (epoch ms). */
  completedAt: number;
}

export function jobStateDirs(stateDir: string, jobName: string): JobStateDirs {
  return {
    checkpoints: path.join(stateDir, jobName, 'checkpoints'),
    savepoints: path.join(stateDir, jobName, 'savepoints'),
  };
}

function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(dir, entry.name));
}

function completed(folder: string, kind: StoredState['kind']): StoredState | undefined {
  const metadata = path.join(folder, '_metadata');
  return existsSync(metadata) ? { path: folder, kind, completedAt: statSync(metadata).mtimeMs } : undefined;
}

/** Every completed checkpoint of every run, and every savepoint, newest first. */
export function storedStates(dirs: JobStateDirs): StoredState[] {
  const checkpoints = subdirs(dirs.checkpoints).flatMap((run) =>
    subdirs(run)
      .filter((folder) => path.basename(folder).startsWith('chk-'))
      .flatMap((folder) => completed(folder, 'checkpoint') ?? []),
  );
  const savepoints = subdirs(dirs.savepoints).flatMap((folder) => completed(folder, 'savepoint') ?? []);
  return [...checkpoints, ...savepoints].sort((a, b) => b.completedAt - a.completedAt);
}

export function newestState(dirs: JobStateDirs): StoredState | undefined {
  return storedStates(dirs)[0];
}

/**
 * Removes what can no longer be the newest state: checkpoint folders of all but the newest `keepRuns` runs
 * (Flink itself keeps the last few checkpoints within a run) and all but the newest `keepSavepoints`
 * savepoints. Returns the folders removed.
 */
export function pruneStates(dirs: JobStateDirs, keepRuns = 2, keepSavepoints = 3): string[] {
  const newestOfRun = (run: string): number =>
    Math.max(0, ...subdirs(run).map((folder) => completed(folder, 'checkpoint')?.completedAt ?? 0));
  const runs = subdirs(dirs.checkpoints).sort((a, b) => newestOfRun(b) - newestOfRun(a));
  const savepoints = subdirs(dirs.savepoints)
    .flatMap(
      (folder) =>
        completed(folder, 'savepoint') ?? { path: folder, kind: 'savepoint' as const, completedAt: 0 },
    )
    .sort((a, b) => b.completedAt - a.completedAt)
    .map((state) => state.path);
  const removed = [...runs.slice(keepRuns), ...savepoints.slice(keepSavepoints)];
  for (const folder of removed) rmSync(folder, { recursive: true, force: true });
  return removed;
}
