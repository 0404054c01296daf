// The stack's processes run under PM2: one daemon per state folder (its PM2_HOME is paths.supervisor), so
// two stacks never share a supervisor, and `down` stops exactly what this daemon started. PM2 restarts a
// process that dies, with exponential backoff, and counts the restarts.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProcessDescription, StartOptions } from 'pm2';
import { applySupervisorEnv, inheritedEnv, paths, supervisorEnv } from '../config.ts';
import type { LaunchSpec } from '../services/service.ts';
import { lastExits, type LastExit } from './last-exit.ts';

type Pm2 = typeof import('pm2');

/** How long a process gets between the polite signal (SIGINT) and SIGKILL. */
const stopGraceMs = 30_000;
/** The first restart waits this long; PM2 grows the delay 1.5x per crash up to 15 s, and resets it after 30 s up. */
const firstRestartDelayMs = 500;

/**
 * In the environment of every process this stack's daemon starts (and their children): how `down` and the
 * leftover check recognise them. PM2's own PM2_HOME is not enough: this process sets it for PM2, so
 * everything it spawns would carry it.
 */
const marker = { name: 'SPREADWATCH_SUPERVISOR', value: paths.supervisor };
export const supervisedMarker = `${marker.name}=${marker.value}`;

let client: Pm2 | undefined;

/** PM2's API object, bound to this stack's PM2_HOME (PM2 reads it from the environment as it loads). */
function pm2(): Pm2 {
  if (!client) {
    applySupervisorEnv();
    client = createRequire(import.meta.url)('pm2') as Pm2;
  }
  return client;
}

function call<T>(action: (callback: (error: Error | null, result: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    action((error, result) => (error ? reject(error) : resolve(result))),
  );
}

let users = 0;
let connected: Promise<void> | undefined;

/** One connection to the daemon (started if need be) shared by concurrent callers, closed after the last. */
async function session<T>(work: (api: Pm2) => Promise<T>): Promise<T> {
  users += 1;
  try {
    mkdirSync(paths.supervisor, { recursive: true, mode: 0o700 });
    connected ??= new Promise<void>((resolve, reject) =>
      pm2().connect((error) => (error ? reject(error) : resolve())),
    );
    await connected;
    return await work(pm2());
  } finally {
    users -= 1;
    if (users === 0 && connected) {
      connected = undefined;
      pm2().disconnect();
    }
  }
}

/**
 * True for this stack's PM2 daemon: its title says God Daemon (cut to the length of its original command
 * line, so the home may be missing from it) and its environment holds this stack's PM2_HOME.
 */
export function isOurDaemon(pid: number): boolean {
  try {
    return (
      readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('God Daemon') &&
      readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`PM2_HOME=${paths.supervisor}`)
    );
  } catch {
    return false;
  }
}

/** The pid of this stack's PM2 daemon, or undefined when none runs. */
export function daemonPid(): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(paths.supervisor, 'pm2.pid'), 'utf8').trim());
    return isOurDaemon(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export interface SupervisedProcess {
  name: string;
  /** Undefined while it is down (between a crash and its restart). */
  pid?: number;
  /** PM2's state: online, launching, waiting restart, stopped, errored. */
  status: string;
  restarts: number;
  /** Its last exit, once it has exited since `up` started it. */
  lastExit?: LastExit;
}

function pm2LogTail(): string {
  const file = path.join(paths.supervisor, 'pm2.log');
  if (!existsSync(file)) return '';
  const text = readFileSync(file, 'utf8');
  return text.slice(-1_000_000);
}

/** Every process this stack's daemon supervises; none (and no daemon started) when the daemon is not running. */
export async function supervisedProcesses(): Promise<Map<string, SupervisedProcess>> {
  if (daemonPid() === undefined) return new Map();
  const list = await session((api) => call<ProcessDescription[]>((callback) => api.list(callback)));
  const exits = lastExits(pm2LogTail());
  return new Map(
    list.map((proc) => {
      const restarts = proc.pm2_env?.restart_time ?? 0;
      const name = proc.name ?? '?';
      return [
        name,
        {
          name,
          pid: proc.pid ? proc.pid : undefined,
          status: proc.pm2_env?.status ?? 'unknown',
          restarts,
          // An exit logged before this daemon's first restart of the app belongs to an earlier run.
          lastExit: restarts > 0 ? exits.get(name) : undefined,
        },
      ];
    }),
  );
}

export async function supervisedProcess(name: string): Promise<SupervisedProcess | undefined> {
  return (await supervisedProcesses()).get(name);
}

/** Runs `spec` as the supervised process `name`, replacing a stopped or crashed-out one of that name. */
export async function supervise(
  name: string,
  logFile: string,
  spec: LaunchSpec,
): Promise<number | undefined> {
  mkdirSync(path.dirname(logFile), { recursive: true });
  await session(async (api) => {
    const list = await call<ProcessDescription[]>((callback) => api.list(callback));
    if (list.some((proc) => proc.name === name)) await call((callback) => api.delete(name, callback));
    await call((callback) =>
      api.start(
        {
          name,
          script: spec.command,
          args: spec.args,
          interpreter: 'none',
          cwd: spec.cwd,
          env: { ...(spec.env ?? inheritedEnv), [marker.name]: marker.value } as Record<string, string>,
          // PM2 takes a user name, and needs to run as root to use it.
          ...(spec.user ? { uid: spec.user } : {}),
          output: logFile,
          error: logFile,
          autorestart: true,
          exp_backoff_restart_delay: firstRestartDelayMs,
          kill_timeout: stopGraceMs,
          // The polite signal goes to the main process only: PostgreSQL's postmaster stops its own children.
          treekill: false,
          // No git metadata lookups, no PM2 monitoring agent.
          vizion: false,
          pmx: false,
          automation: false,
        } as StartOptions,
        callback,
      ),
    );
  });
  return (await supervisedProcess(name))?.pid;
}

/**
 * Stops the supervised process `name` and keeps it down (PM2 does not restart a stopped process) until
 * `startSupervisedProcess`: for fault tests that take a service away for a while. Its polite signal first,
 * SIGKILL after the grace period. Never starts a daemon: the stack must be running under its supervisor.
 */
export async function stopSupervisedProcess(name: string): Promise<void> {
  await withSupervisedProcess(name, (api, callback) => api.stop(name, callback));
}

/** Starts again a process stopped by `stopSupervisedProcess`, with the launch spec `up` gave it. */
export async function startSupervisedProcess(name: string): Promise<number | undefined> {
  await withSupervisedProcess(name, (api, callback) => api.restart(name, callback));
  return (await supervisedProcess(name))?.pid;
}

async function withSupervisedProcess(
  name: string,
  action: (api: Pm2, callback: (error: Error | null, result: unknown) => void) => void,
): Promise<void> {
  if (daemonPid() === undefined) throw new Error(`no supervisor runs for the stack in ${paths.home}`);
  await session(async (api) => {
    const list = await call<ProcessDescription[]>((callback) => api.list(callback));
    if (!list.some((proc) => proc.name === name)) {
      throw new Error(`the supervisor in ${paths.home} runs no process named ${name}`);
    }
    await call((callback) => action(api, callback));
  });
}

/** Alive and not a zombie (an orphan's exit shows only once its new parent reaps it). */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** True when `pid` was started by this stack's daemon (its environment has the marker). */
function startedByOurDaemon(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(supervisedMarker);
  } catch {
    return false;
  }
}

/**
 * Processes a dead daemon left behind: PM2's pid files (removed when a process exits) that still name a
 * live process started by this stack's daemon.
 */
function orphans(): { name: string; pid: number }[] {
  const dir = path.join(paths.supervisor, 'pids');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.pid'))
    .flatMap((file) => {
      const pid = Number(readFileSync(path.join(dir, file), 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 && isAlive(pid) && startedByOurDaemon(pid)
        ? [{ name: file.replace(/-\d+\.pid$/, ''), pid }]
        : [];
    });
}

async function stopOrphan(pid: number): Promise<'stopped' | 'killed'> {
  process.kill(pid, supervisorEnv.PM2_KILL_SIGNAL);
  const deadline = Date.now() + stopGraceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'stopped';
    await sleep(200);
  }
  if (isAlive(pid) && startedByOurDaemon(pid)) process.kill(pid, 'SIGKILL');
  return 'killed';
}

/**
 * Stops the supervised processes in `order` (each one's polite signal, SIGKILL after the grace period),
 * then any others, then the daemon; then processes a crashed daemon left behind.
 */
/** Stops and forgets these supervised processes only, leaving the daemon and the others running. */
export async function stopSupervisedApps(
  names: string[],
  report: (name: string, outcome: string) => void,
): Promise<void> {
  if (daemonPid() === undefined) return;
  await session(async (api) => {
    const list = await call<ProcessDescription[]>((callback) => api.list(callback));
    for (const name of names) {
      const proc = list.find((candidate) => candidate.name === name);
      if (!proc) continue;
      await call((callback) => api.delete(name, callback));
      report(name, `stopped (pid ${proc.pid})`);
    }
  });
}

export async function stopSupervised(
  order: string[],
  report: (name: string, outcome: string) => void,
): Promise<void> {
  if (daemonPid() !== undefined) {
    await session(async (api) => {
      const list = await call<ProcessDescription[]>((callback) => api.list(callback));
      const names = list.map((proc) => proc.name ?? '');
      for (const name of [
        ...order.filter((name) => names.includes(name)),
        ...names.filter((name) => !order.includes(name)),
      ]) {
        const pid = list.find((proc) => proc.name === name)?.pid;
        await call((callback) => api.delete(name, callback));
        report(name, pid ? `stopped (pid ${pid})` : 'removed (it was not running)');
      }
      await call((callback) => api.killDaemon(callback));
    });
  }
  const rank = (name: string): number => (order.includes(name) ? order.indexOf(name) : order.length);
  for (const orphan of orphans().sort((a, b) => rank(a.name) - rank(b.name)))
    report(orphan.name, `${await stopOrphan(orphan.pid)} (pid ${orphan.pid}, its supervisor had died)`);
}
