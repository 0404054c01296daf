// The Flink jobs catalog of the served namespace (flink-sql/, packages/flink-jobs) and job statuses from
// the JobManager REST API, with the late events each job wrote to PostgreSQL.
import { FlinkJobs } from '@spreadwatch/flink-jobs';
import fp from 'fastify-plugin';
import type { ApiConfig } from '../../config.ts';
import { createJobStatus, lateEventsByJobName, type JobStatusReader } from '../../flink/job-status.ts';

declare module 'fastify' {
  interface FastifyInstance {
    flinkJobs: FlinkJobs;
    jobStatus: JobStatusReader;
  }
}

export default fp(
  async (app, { config }: { config: ApiConfig }) => {
    const jobs = new FlinkJobs(config.flinkJobs);
    app.decorate('flinkJobs', jobs);
    const lateEvents = async () =>
      lateEventsByJobName(jobs.definitions(), await app.lateEventsRepository.totalsByJob());
    app.decorate('jobStatus', createJobStatus(jobs.jobManager, lateEvents));
  },
  { name: 'flink', dependencies: ['repositories'] },
);
