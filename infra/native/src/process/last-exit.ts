// The last exit of each supervised process, read from PM2's own log: PM2 keeps only an exit code in its
// process table (0 when a signal killed the process), while its log line names the signal too.

export interface LastExit {
  /** When PM2 saw the process exit (its log's local timestamp). */
  at: string;
  code: number;
  /** PM2 writes SIGINT when the process exited on its own: then only a non-zero code tells. */
  signal: string;
}

const exitLine = /^(\S+): PM2 log: App \[(.+):\d+\] exited with code \[(-?\d+)\] via signal \[(\w+)\]$/;

/** Each app's last exit in a PM2 log (pm2.log), by app name. */
export function lastExits(pm2Log: string): Map<string, LastExit> {
  const exits = new Map<string, LastExit>();
  for (const line of pm2Log.split('\n')) {
    const match = exitLine.exec(line.trimEnd());
    if (match) exits.set(match[2]!, { at: match[1]!, code: Number(match[3]), signal: match[4]! });
  }
  return exits;
}

export function describeExit(exit: LastExit): string {
  if (exit.code !== 0) return `exit code ${exit.code}`;
  return exit.signal === 'SIGINT' ? 'exit code 0 or SIGINT' : exit.signal;
}
