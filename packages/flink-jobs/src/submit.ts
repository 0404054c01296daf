// Submits, lists, cancels and stops the jobs of a namespace through the SQL Gateway and JobManager REST APIs.
import { pathToFileURL } from 'node:url';
import { migrate, withAdvisoryLock } from '@spreadwatch/db';
import {
  JobManagerClient,
  SqlGatewaySession,
  SqlStatementError,
  type JobOverview,
} from '@spreadwatch/flink-client';
import { loadJobs, type JobDefinition, type LoadJobsOptions } from './catalog.ts';
import type { FlinkJobsConfig } from './config.ts';
import { resolveNamespace, type Namespace } from './namespace.ts';
import { fileLineOf, type SqlStatement } from './sql-file.ts';
import { freshStartValues } from './fresh-start.ts';
import { jobStateDirs, newestState, pruneStates, type JobStateDirs } from './job-state.ts';
import { ensureTopics } from './topics.ts';

export interface SubmittedJob {
  name: string;
  jobId: string;
  uiLink: string;
  /** false when a job of that name was already running and was left alone. */
  submitted: boolean;
  /** The checkpoint or savepoint a submitted job resumed from; absent when it started without state. */
  restoredFrom?: string;
  /** A job started without state computes windows from this time on (the end of the newest written one). */
  freshFrom?: string;
}

/** A statement of flink-sql/ that the gateway refused: which file, which line, and the gateway's reason. */
export class JobSqlError extends Error {
  constructor(
    readonly statement: SqlStatement,
    readonly gatewayMessage: string,
  ) {
    const line = fileLineOf(statement, gatewayMessage) ?? statement.line;
    super(`${statement.file}:${line} (statement starting at line ${statement.line}): ${gatewayMessage}`);
    this.name = 'JobSqlError';
  }
}

export interface SubmitOptions {
  /** Start the job from this savepoint or retained checkpoint (execution.savepoint.path). */
  fromSavepoint?: string;
  /**
   * Start without state. By default a job resumes from the newest retained checkpoint or savepoint of its
   * name, so no window is computed again from part of its events and the alerts keep their baseline.
   */
  fresh?: boolean;
  /** Only these jobs (short names like spread-metrics); all by default. */
  jobs?: string[];
}

export class FlinkJobs {
  readonly namespace: Namespace;
  readonly jobManager: JobManagerClient;

  constructor(
    readonly config: FlinkJobsConfig,
    private readonly catalogOptions: LoadJobsOptions = {},
  ) {
    this.namespace = resolveNamespace(config.namespace);
    this.jobManager = new JobManagerClient(config.flinkRestUrl);
  }

  definitions(): JobDefinition[] {
    return loadJobs(this.config, this.namespace, this.catalogOptions);
  }

  /** Submits each job not already active under its name. The namespace's tables and topics are made first. */
  async submit(options: SubmitOptions = {}): Promise<SubmittedJob[]> {
    const known = this.definitions();
    const named = (job: string) =>
      known.find((definition) => definition.job === job || definition.name === job);
    const unknown = options.jobs?.filter((job) => !named(job)) ?? [];
    if (unknown.length > 0)
      throw new Error(`unknown job ${unknown.join(', ')}: one of ${known.map((d) => d.job).join(', ')}`);
    const wanted = options.jobs?.map((job) => named(job)!.job);
    const definitions = known.filter((job) => !wanted || wanted.includes(job.job));
    // Under a lock per namespace: two submitters at once would both see no job and start it twice (and the
    // migration tool refuses a second concurrent run instead of waiting).
    return withAdvisoryLock(
      this.config.databaseUrl,
      `spreadwatch-submit:${this.namespace.schema}`,
      async () => {
        await this.prepare();
        return this.submitMissing(definitions, options);
      },
    );
  }

  private async submitMissing(definitions: JobDefinition[], options: SubmitOptions): Promise<SubmittedJob[]> {
    const pending: JobDefinition[] = [];
    const results: SubmittedJob[] = [];
    for (const definition of definitions) {
      const [active] = await this.jobManager.activeJobsNamed(definition.name);
      if (active) {
        const uiLink = this.jobManager.uiLink(active.jid);
        results.push({ name: definition.name, jobId: active.jid, uiLink, submitted: false });
      } else {
        pending.push(definition);
      }
    }
    // A savepoint holds the state of one job: restoring it into two different jobs would fail (or, with
    // allowNonRestoredState, silently start one of them empty).
    if (options.fromSavepoint && pending.length > 1) {
      throw new Error(
        `--from-savepoint restores one job, but ${pending.map((job) => job.job).join(' and ')} are not running: name the job`,
      );
    }
    for (const definition of pending) {
      const dirs = jobStateDirs(this.config.stateDir, definition.name);
      const restoredFrom = options.fromSavepoint ?? (options.fresh ? undefined : newestState(dirs)?.path);
      const fresh = restoredFrom
        ? undefined
        : await freshStartValues(this.config.databaseUrl, this.namespace, definition.job);
      const jobId = await this.submitOne(
        fresh ? this.definitionWith(definition.job, fresh) : definition,
        dirs,
        restoredFrom,
      );
      if (restoredFrom) await this.confirmRestored(definition.name, jobId, restoredFrom);
      pruneStates(dirs);
      results.push({
        name: definition.name,
        jobId,
        uiLink: this.jobManager.uiLink(jobId),
        submitted: true,
        ...(restoredFrom ? { restoredFrom } : {}),
        ...(fresh ? { freshFrom: fresh.FRESH_FROM } : {}),
      });
    }
    return results;
  }

  private definitionWith(job: string, values: Record<string, string>): JobDefinition {
    const extraValues = { ...this.catalogOptions.extraValues, ...values };
    const definition = loadJobs(this.config, this.namespace, { ...this.catalogOptions, extraValues }).find(
      (candidate) => candidate.job === job,
    );
    if (!definition) throw new Error(`no job ${job} in the catalog`);
    return definition;
  }

  /** A state that no longer fits the job's SQL fails the job at once: say so, and what to do. */
  private async confirmRestored(name: string, jobId: string, restoredFrom: string): Promise<void> {
    try {
      await this.jobManager.waitUntilRunning(jobId, 120_000);
    } catch (error) {
      const cause = await this.jobManager.rootException(jobId).catch(() => undefined);
      throw new Error(
        `${name} could not resume from ${restoredFrom} (${cause ?? (error as Error).message}). ` +
          'If its SQL changed so the state no longer fits, submit it with --fresh to start without state.',
      );
    }
  }

  // A fresh session per job: the catalog's temporary tables and views never leak between jobs, and the
  // job name and savepoint are set on the submitting statement only.
  private async submitOne(
    definition: JobDefinition,
    dirs: JobStateDirs,
    fromSavepoint: string | undefined,
  ): Promise<string> {
    const session = new SqlGatewaySession({ url: this.config.sqlGatewayUrl });
    try {
      const statements = definition.statements;
      for (const [index, statement] of statements.entries()) {
        const last = index === statements.length - 1;
        const executionConfig: Record<string, string> = last
          ? {
              'pipeline.name': definition.name,
              'parallelism.default': String(this.config.parallelism),
              'execution.checkpointing.dir': pathToFileURL(dirs.checkpoints).href,
              'execution.checkpointing.savepoint-dir': pathToFileURL(dirs.savepoints).href,
            }
          : {};
        if (last && fromSavepoint) executionConfig['execution.savepoint.path'] = fromSavepoint;
        const result = await session.execute(statement.text, executionConfig).catch((error: unknown) => {
          throw error instanceof SqlStatementError ? new JobSqlError(statement, error.gatewayMessage) : error;
        });
        if (last) {
          if (!result.jobId)
            throw new Error(`${statement.file}:${statement.line}: the statement submitted no job`);
          return result.jobId;
        }
      }
      throw new Error(`${definition.name}: no statements`);
    } finally {
      await session.close();
    }
  }

  /** Creates the namespace's tables (migrations) and topics, as submit does first. */
  async prepare(): Promise<void> {
    await migrate({ databaseUrl: this.config.databaseUrl, schema: this.namespace.schema });
    await ensureTopics(this.config.kafkaBrokers, this.namespace);
  }

  /** The namespace's jobs known to the cluster (any state), newest first. */
  async list(): Promise<JobOverview[]> {
    const names = new Set(this.definitions().map((job) => job.name));
    return (await this.jobManager.jobs())
      .filter((job) => names.has(job.name))
      .sort((a, b) => b['start-time'] - a['start-time']);
  }

  /** Cancels the active job(s) of that name (short `spread-metrics` or full); returns their ids. */
  async cancel(job: string): Promise<string[]> {
    const active = await this.activeJobs(job);
    for (const { jid } of active) await this.jobManager.cancel(jid);
    for (const { jid } of active) await this.jobManager.waitForState(jid, ['CANCELED', 'FAILED', 'FINISHED']);
    return active.map(({ jid }) => jid);
  }

  /** Stops the active job of that name with a savepoint; returns the savepoint path. */
  async stop(job: string): Promise<{ jobId: string; savepoint: string }> {
    const [active] = await this.activeJobs(job);
    if (!active) throw new Error(`no active job named ${this.fullName(job)}`);
    const target = pathToFileURL(jobStateDirs(this.config.stateDir, active.name).savepoints).href;
    const savepoint = await this.jobManager.stopWithSavepoint(active.jid, target);
    // The savepoint completes a moment before the job ends; until then it still counts as active.
    await this.jobManager.waitForState(active.jid, ['FINISHED', 'CANCELED', 'FAILED']);
    return { jobId: active.jid, savepoint };
  }

  fullName(job: string): string {
    return this.definitions().find((definition) => definition.job === job)?.name ?? job;
  }

  private async activeJobs(job: string): Promise<JobOverview[]> {
    const name = this.fullName(job);
    if (!this.definitions().some((definition) => definition.name === name)) {
      throw new Error(
        `unknown job "${job}" in namespace "${this.namespace.name}": one of ${this.definitions()
          .map((definition) => definition.job)
          .join(', ')}`,
      );
    }
    return this.jobManager.activeJobsNamed(name);
  }
}
