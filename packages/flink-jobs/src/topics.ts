// The namespace's topics are created before its jobs start: the Kafka source fails on a topic that does not
// exist (it reads metadata; only producers trigger the broker's auto-creation).
import { Kafka, logLevel } from 'kafkajs';
import type { Namespace } from './namespace.ts';

/** Partitions of a new topic, as the broker's auto-created ones (num.partitions). */
export const TOPIC_PARTITIONS = 4;

export async function ensureTopics(brokers: string[], namespace: Namespace): Promise<void> {
  const admin = new Kafka({
    clientId: 'spreadwatch-flink-jobs',
    brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [namespace.sourceTopic, namespace.alertsTopic].filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        topics: missing.map((topic) => ({ topic, numPartitions: TOPIC_PARTITIONS })),
        waitForLeaders: true,
      });
    }
  } finally {
    await admin.disconnect();
  }
}
