// The native stack's command line, behind `make up`, `make down`, `make status` and `make logs`.
import { parseArgs } from 'node:util';
import { log } from './log.ts';
import { up } from './commands/up.ts';
import { down } from './commands/down.ts';
import { formatStatus, stackStatus, systemStatus } from './commands/status.ts';
import { submitLiveJobs } from './commands/submit-jobs.ts';
import { logs, UsageError } from './commands/logs.ts';
import { ensureBrowser, ensurePrerequisites } from './artifacts/prerequisites.ts';
import { fetchAll } from './artifacts/maven-artifacts.ts';

const usage = `usage: stack <command>
  up [--stack-only]           start the whole system (installs what is missing), wait until healthy;
                              --stack-only: the servers without the jobs, API and producer
  submit-jobs                 submit the live Flink SQL jobs (those running are left alone)
  down                        stop exactly the processes the stack started, then its supervisor
  status [--json] [--stack-only]  each service's pid, health, restarts, last exit and RSS; exit 1 if any is down
  logs [service] [--follow] [--lines N]
  fetch [--browser]           install prerequisites and fetch the servers without starting them;
                              --browser: also Chromium for the browser tests`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'stack-only': { type: 'boolean', default: false },
      browser: { type: 'boolean', default: false },
      follow: { type: 'boolean', short: 'f', default: false },
      lines: { type: 'string', default: '40' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  switch (command) {
    case 'up':
      await up({ system: !values['stack-only'] });
      return 0;
    case 'submit-jobs':
      await submitLiveJobs();
      return 0;
    case 'down':
      await down();
      return 0;
    case 'status': {
      const rows = values['stack-only'] ? await stackStatus() : await systemStatus();
      process.stdout.write(values.json ? `${JSON.stringify(rows, null, 2)}\n` : `${formatStatus(rows)}\n`);
      return rows.every((row) => row.healthy) ? 0 : 1;
    }
    case 'logs': {
      const lines = Number(values.lines);
      if (!Number.isInteger(lines) || lines <= 0) throw new UsageError(`--lines must be a positive integer, got "${values.lines}"`);
      await logs(rest[0], values.follow, lines);
      return 0;
    }
    case 'fetch':
      await ensurePrerequisites();
      if (values.browser) await ensureBrowser();
      await fetchAll();
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"\n${usage}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const usageProblem = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    log.error(error instanceof Error ? error.message : String(error));
    process.exit(usageProblem ? 2 : 1);
  },
);
