// Submission through the SQL Gateway and JobManager on the real stack: one job per name, list, stop with
// savepoint and resume from it, cancel, a wrong statement reported with file and line, and the CLI's exits.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FlinkJobs, JobSqlError, loadConfig, type SubmittedJob } from '../src/index.ts';
import { removeNamespace } from '../src/testing/cleanup.ts';

const run = promisify(execFile);
const namespace = `cli_${Date.now().toString(36)}`;
const config = { ...loadConfig(), namespace };
const jobs = new FlinkJobs(config);
const cli = path.resolve(import.meta.dirname, '../src/submit-jobs.ts');
const tsx = path.resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');

afterAll(() => removeNamespace(jobs));

describe(`job submission (namespace ${namespace})`, () => {
  let first: SubmittedJob[];

  it('submits each job once under its namespaced name, even from two submitters at once', async () => {
    const [a, b] = await Promise.all([jobs.submit(), jobs.submit()]);
    first = a!.some((job) => job.submitted) ? a! : b!;
    const other = first === a ? b! : a!;
    expect(first.map((job) => [job.name, job.submitted])).toEqual([
      [`spreadwatch-${namespace}-spread-metrics`, true],
      [`spreadwatch-${namespace}-spread-bars-1s`, true],
    ]);
    expect(other.map((job) => [job.jobId, job.submitted])).toEqual(first.map((job) => [job.jobId, false]));
    for (const job of first) {
      expect(await jobs.jobManager.activeJobsNamed(job.name)).toHaveLength(1);
    }
  });

  it('does not submit a job again while it runs', async () => {
    for (const job of first) {
      expect(job.uiLink).toBe(`${config.flinkRestUrl}/#/job/running/${job.jobId}/overview`);
      await jobs.jobManager.waitUntilRunning(job.jobId);
    }
    const again = await jobs.submit();
    expect(again.map((job) => [job.jobId, job.submitted])).toEqual(first.map((job) => [job.jobId, false]));
  });

  it('lists the running jobs through the CLI', async () => {
    const { stdout } = await run(tsx, [cli, '--namespace', namespace, 'list']);
    for (const job of first) expect(stdout).toContain(`${job.name}  ${job.jobId}  RUNNING  ${job.uiLink}`);
  });

  it('stops a job with a savepoint and resumes it from there', async () => {
    const { stdout } = await run(tsx, [cli, '--namespace', namespace, 'stop', 'spread-bars-1s']);
    const savepoint = /with savepoint (\S+)/.exec(stdout)?.[1] ?? '';
    expect(savepoint).toMatch(/savepoint-/);
    expect(stdout).toContain(`submit spread-bars-1s --from-savepoint ${savepoint}`);
    expect((await jobs.jobManager.job(first[1]?.jobId ?? '')).state).toBe('FINISHED');
    const resumed = await jobs.submit({ fromSavepoint: savepoint });
    const bars = resumed.find((job) => job.name.endsWith('spread-bars-1s'));
    expect(resumed.find((job) => job.name.endsWith('spread-metrics'))?.submitted).toBe(false);
    expect(bars?.submitted).toBe(true);
    await jobs.jobManager.waitUntilRunning(bars?.jobId ?? '');
    const restored = (await jobs.jobManager.checkpoints(bars?.jobId ?? '')).latest.restored;
    expect(restored).toMatchObject({ is_savepoint: true, external_path: savepoint });
  });

  it('cancels through the CLI', async () => {
    const { stdout } = await run(tsx, [cli, '--namespace', namespace, 'cancel', 'spread-metrics']);
    expect(stdout).toContain(`canceled spreadwatch-${namespace}-spread-metrics: ${first[0]?.jobId}`);
    expect((await jobs.jobManager.job(first[0]?.jobId ?? '')).state).toBe('CANCELED');
  });

  it('resumes only the job the printed resume command names, with every job stopped', async () => {
    const stopped = await run(tsx, [cli, '--namespace', namespace, 'stop', 'spread-bars-1s']);
    const resume = /resume: submit-jobs\.ts (.*)$/m.exec(stopped.stdout)?.[1]?.split(' ') ?? [];
    expect(resume).toContain('--from-savepoint');
    const { stdout } = await run(tsx, [cli, ...resume]);
    expect(stdout).toMatch(new RegExp(`^spreadwatch-${namespace}-spread-bars-1s  \\S+  submitted`, 'm'));
    expect(stdout).not.toContain('spread-metrics');
  });

  it('reports a wrong statement with its file, line and the gateway message, and submits nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'flink-sql-'));
    writeFileSync(
      path.join(dir, '01-broken.sql'),
      [
        '-- a job with a typo',
        'INSERT INTO spread_bars_1s',
        'SELECT symbol',
        'FROMM market_events;',
        '',
      ].join('\n'),
    );
    const broken = new FlinkJobs(config, { jobsDir: dir });
    const error = await broken.submit().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JobSqlError);
    expect((error as Error).message).toMatch(
      /01-broken\.sql:4 \(statement starting at line 2\): SqlParserException: SQL parse failed\. .*line 3, column/,
    );
    expect((await broken.list()).length).toBe(0);
  });

  it('exits 2 on bad arguments', async () => {
    const failure = await run(tsx, [cli, 'cancel']).catch(
      (caught: unknown) => caught as { code: number; stderr: string },
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('cancel takes one job name');
  });
});
