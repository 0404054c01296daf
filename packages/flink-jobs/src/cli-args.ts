// Arguments of submit-jobs.ts, parsed without side effects so they can be tested.
import { parseArgs } from 'node:util';

export type Command =
  | { command: 'submit'; namespace?: string; job?: string; fromSavepoint?: string; fresh?: boolean }
  | { command: 'list'; namespace?: string }
  | { command: 'cancel' | 'stop'; namespace?: string; job: string };

export const USAGE = `usage: submit-jobs.ts [--namespace NS] [submit [JOB] [--from-savepoint PATH | --fresh] | list | cancel JOB | stop JOB]
  submit   submit every job of flink-sql/ (or JOB) not already running under its name (default); each
           resumes from the newest retained checkpoint or savepoint of its name;
           --from-savepoint restores the one job that is not running from that savepoint or checkpoint;
           --fresh starts without state
  list     the namespace's jobs on the cluster, with state, id and web UI link
  cancel   cancel a running job (JOB: spread-metrics, spread-bars-1s, or the full job name)
  stop     stop a running job with a savepoint and print the savepoint path
  --namespace NS        another topic and table set (market_events.NS, schema NS); default: live`;

export class UsageError extends Error {}

export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        namespace: { type: 'string' },
        'from-savepoint': { type: 'string' },
        fresh: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { namespace, 'from-savepoint': fromSavepoint, fresh } = parsed.values;
  const [command = 'submit', ...rest] = parsed.positionals;
  const ns = namespace === undefined ? {} : { namespace };
  if ((fromSavepoint !== undefined || fresh) && command !== 'submit')
    throw new UsageError('--from-savepoint and --fresh go with submit');
  if (fromSavepoint !== undefined && fresh)
    throw new UsageError('--from-savepoint and --fresh exclude each other');
  switch (command) {
    case 'submit': {
      const [job, ...extra] = rest;
      if (extra.length > 0) throw new UsageError(`submit takes at most one job name, got: ${rest.join(' ')}`);
      return {
        command,
        ...ns,
        ...(job === undefined ? {} : { job }),
        ...(fromSavepoint === undefined ? {} : { fromSavepoint }),
        ...(fresh ? { fresh } : {}),
      };
    }
    case 'list':
      if (rest.length > 0) throw new UsageError(`list takes no arguments, got: ${rest.join(' ')}`);
      return { command, ...ns };
    case 'cancel':
    case 'stop': {
      const [job, ...extra] = rest;
      if (!job || extra.length > 0) throw new UsageError(`${command} takes one job name`);
      return { command, ...ns, job };
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}
