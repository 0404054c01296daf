// PostgreSQL from the machine's Debian binaries, with its data in the stack's state folder.
// PostgreSQL refuses to run as root, so under root the server runs as the `postgres` system user.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { paths, ports, stackConfig } from '../config.ts';
import { log } from '../log.ts';
import { postgresBinDir } from '../artifacts/prerequisites.ts';
import { runOrThrow } from '../process/run-command.ts';
import { probePostgres } from '../health/postgres-probe.ts';
import type { Service } from './service.ts';

const dataDir = path.join(paths.data, 'postgres');
const socketDir = path.join(paths.run, 'postgres-socket');

interface RunAs {
  user?: string;
  uid?: number;
  gid?: number;
}

function runAs(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { user: 'postgres', uid, gid };
}

function ownedDir(dir: string, owner: RunAs): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (owner.uid !== undefined && owner.gid !== undefined) chownSync(dir, owner.uid, owner.gid);
}

function binaries(): string {
  const bin = postgresBinDir();
  if (!bin) throw new Error('no PostgreSQL server binaries found under /usr/lib/postgresql (run `make up` as root to install them)');
  return bin;
}

async function initialise(owner: RunAs): Promise<void> {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  log.detail('postgres', `initialising a new cluster in ${dataDir}`);
  ownedDir(dataDir, owner);
  // The superuser connects only over the stack's private socket; TCP clients use passwords.
  await runOrThrow(
    path.join(binaries(), 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8'],
    { uid: owner.uid, gid: owner.gid, cwd: '/' },
  );
}

/** Connection string for the stack's superuser over its Unix socket. */
export const superuserUrl = `postgres://postgres@/postgres?host=${encodeURIComponent(socketDir)}&port=${ports.postgres}`;

export const postgresService: Service = {
  name: 'postgres',
  port: ports.postgres,
  binds: [ports.postgres],
  logFile: path.join(paths.logs, 'postgres.log'),
  async launch() {
    const owner = runAs();
    await initialise(owner);
    ownedDir(socketDir, owner);
    ownedDir(paths.logs, {});
    // The server itself in the foreground (not pg_ctl, which forks it away), so the supervisor sees it exit.
    return {
      command: path.join(binaries(), 'postgres'),
      args: [
        '-D', dataDir,
        '-p', String(ports.postgres),
        '-k', socketDir,
        '-c', `listen_addresses=${stackConfig.host}`,
        '-c', 'max_connections=200',
        '-c', 'shared_buffers=128MB',
      ],
      cwd: '/',
      user: owner.user,
    };
  },
  // Before the bootstrap creates the application role only the superuser can log in, so probe as it.
  probe: () => probePostgres(superuserUrl),
};
