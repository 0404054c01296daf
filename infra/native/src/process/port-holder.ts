// Who listens on a TCP port, from /proc (Linux): the listening socket's inode in /proc/net/tcp{,6}, then
// the process holding that inode among its file descriptors. `up` names the holder of a port it needs.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface Listener {
  port: number;
  inode: number;
}

const LISTEN = '0A';

/** The listening sockets in the text of /proc/net/tcp or /proc/net/tcp6. */
export function parseListeners(procNetTcp: string): Listener[] {
  return procNetTcp
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length > 9 && fields[3] === LISTEN)
    .map((fields) => ({ port: parseInt(fields[1]!.split(':')[1]!, 16), inode: Number(fields[9]) }));
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function socketOwner(inodes: Set<number>): { pid: number; command: string } | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to look at
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const match = /^socket:\[(\d+)\]$/.exec(target);
      if (match && inodes.has(Number(match[1]))) {
        const command = read(`/proc/${entry}/cmdline`).replaceAll('\0', ' ').trim();
        return { pid: Number(entry), command };
      }
    }
  }
  return undefined;
}

export type PortHolder = { pid: number; command: string } | { pid?: undefined; command?: undefined };

/** The process listening on `port` (any address), {} when one listens but cannot be seen, undefined if none. */
export function portHolder(port: number): PortHolder | undefined {
  const listeners = [
    ...parseListeners(read('/proc/net/tcp')),
    ...parseListeners(read('/proc/net/tcp6')),
  ].filter((listener) => listener.port === port);
  if (listeners.length === 0) return undefined;
  return socketOwner(new Set(listeners.map((listener) => listener.inode))) ?? {};
}

export class PortInUseError extends Error {}

/** Fails with the port and its holder when any of `ports` already has a listener. */
export function assertPortsFree(service: string, ports: number[]): void {
  for (const port of ports) {
    const holder = portHolder(port);
    if (!holder) continue;
    const who =
      holder.pid === undefined
        ? 'a process this user cannot see'
        : `pid ${holder.pid} (${holder.command.slice(0, 160)})`;
    throw new PortInUseError(
      `${service} needs port ${port}, but it is held by ${who}: stop it, or give the stack other ports (README.md, Configuration)`,
    );
  }
}
