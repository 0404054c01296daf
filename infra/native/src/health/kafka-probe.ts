// Kafka health: a metadata request (DescribeCluster) answered by the broker.
import { Kafka, logLevel } from 'kafkajs';

export async function probeKafka(brokers: string): Promise<string> {
  const kafka = new Kafka({
    clientId: 'spreadwatch-health',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return `cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s), controller ${cluster.controller}`;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
