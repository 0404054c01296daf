// CLI over the SQL Gateway and JobManager REST APIs: submit, list, cancel and stop the jobs of flink-sql/.
//   tsx packages/flink-jobs/src/submit-jobs.ts [--namespace x] [list|cancel JOB|stop JOB|submit [JOB] [--from-savepoint PATH]]
// Exit codes: 0 done, 1 failed (the message says why), 2 bad arguments.
import { parseCommand, USAGE, UsageError, type Command } from './cli-args.ts';
import { loadConfig } from './config.ts';
import { FlinkJobs } from './submit.ts';

async function run(command: Command): Promise<void> {
  const base = loadConfig();
  const jobs = new FlinkJobs({ ...base, namespace: command.namespace ?? base.namespace });
  switch (command.command) {
    case 'submit':
      for (const job of await jobs.submit({
        ...(command.fromSavepoint ? { fromSavepoint: command.fromSavepoint } : {}),
        ...(command.job ? { jobs: [command.job] } : {}),
        ...(command.fresh ? { fresh: true } : {}),
      })) {
        const how = !job.submitted
          ? 'already running'
          : job.restoredFrom
            ? `submitted, resumed from ${job.restoredFrom}`
            : `submitted without state, windows from ${job.freshFrom} on`;
        console.log(`${job.name}  ${job.jobId}  ${how}  ${job.uiLink}`);
      }
      return;
    case 'list': {
      const listed = await jobs.list();
      if (listed.length === 0)
        console.log(`no jobs of namespace "${jobs.namespace.name || 'live'}" on the cluster`);
      for (const job of listed)
        console.log(`${job.name}  ${job.jid}  ${job.state}  ${jobs.jobManager.uiLink(job.jid)}`);
      return;
    }
    case 'cancel': {
      const canceled = await jobs.cancel(command.job);
      console.log(
        canceled.length
          ? `canceled ${jobs.fullName(command.job)}: ${canceled.join(', ')}`
          : `${jobs.fullName(command.job)} is not running`,
      );
      return;
    }
    case 'stop': {
      const { jobId, savepoint } = await jobs.stop(command.job);
      console.log(`stopped ${jobs.fullName(command.job)} (${jobId}) with savepoint ${savepoint}`);
      console.log(
        `resume: submit-jobs.ts${command.namespace ? ` --namespace ${command.namespace}` : ''} submit ${command.job} --from-savepoint ${savepoint}`,
      );
      return;
    }
  }
}

let command: Command;
try {
  command = parseCommand(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
try {
  await run(command);
} catch (error) {
  console.error(`submit-jobs: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
