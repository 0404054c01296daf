// Removes everything a test or benchmark namespace left behind: its jobs, schema, topics and consumer groups.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { jobStateDirs } from '../job-state.ts';
import type { FlinkJobs } from '../submit.ts';
import { dropSchema } from './database.ts';

export async function removeNamespace(jobs: FlinkJobs): Promise<void> {
  if (jobs.namespace.name === '') throw new Error('refusing to remove the live namespace');
  for (const job of await jobs.list()) await jobs.cancel(job.name);
  for (const { name } of jobs.definitions()) {
    rmSync(path.dirname(jobStateDirs(jobs.config.stateDir, name).checkpoints), {
      recursive: true,
      force: true,
    });
  }
  await dropSchema(jobs.config.databaseUrl, jobs.namespace.schema);
  const kafka = new Kafka({
    clientId: 'spreadwatch-cleanup',
    brokers: jobs.config.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    // The jobs' groups are named after them, and readers in tests use the same prefix.
    const prefix = `${jobs.namespace.jobPrefix}-`;
    const ours = (await admin.listGroups()).groups
      .map((group) => group.groupId)
      .filter((id) => id.startsWith(prefix));
    if (ours.length > 0) await admin.deleteGroups(ours);
    const { sourceTopic, alertsTopic } = jobs.namespace;
    const topics = new Set(await admin.listTopics());
    await admin.deleteTopics({ topics: [sourceTopic, alertsTopic].filter((topic) => topics.has(topic)) });
  } finally {
    await admin.disconnect();
  }
}
