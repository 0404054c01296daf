// Starts a server as a detached background process whose output goes to its log file, and records its pid.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';
import { inheritedEnv } from '../config.ts';
import { writePidRecord } from './pid-file.ts';

export interface SpawnRequest {
  service: string;
  command: string;
  args: string[];
  /** A string in the command line that identifies this service's process (see pid-file.ts). */
  marker: string;
  logFile: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
}

export function spawnService(request: SpawnRequest): number {
  mkdirSync(path.dirname(request.logFile), { recursive: true });
  const out = openSync(request.logFile, 'a');
  try {
    const child = spawn(request.command, request.args, {
      cwd: request.cwd,
      env: request.env ?? inheritedEnv,
      detached: true,
      stdio: ['ignore', out, out],
      uid: request.uid,
      gid: request.gid,
    });
    if (child.pid === undefined) throw new Error(`${request.service}: could not start ${request.command}`);
    child.unref();
    writePidRecord(request.service, { pid: child.pid, marker: request.marker, startedAt: new Date().toISOString() });
    return child.pid;
  } finally {
    closeSync(out);
  }
}
