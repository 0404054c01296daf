// Consumes the alerts topic Flink writes, from the newest offset, in a consumer group of its own (every
// API process sees every alert). `ready` resolves once the group has its partitions.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { FastifyBaseLogger } from 'fastify';
import type { Alert } from '../schemas/rows.ts';
import { parseAlertMessage } from './alert-message.ts';

export interface AlertsConsumerOptions {
  brokers: string[];
  topic: string;
  log: FastifyBaseLogger;
  onAlert: (alert: Alert, emittedAt: number) => void;
}

export interface AlertsConsumer {
  ready: Promise<void>;
  stop: () => Promise<void>;
}

export async function startAlertsConsumer({
  brokers,
  topic,
  log,
  onAlert,
}: AlertsConsumerOptions): Promise<AlertsConsumer> {
  const kafka = new Kafka({ clientId: 'spreadwatch-api', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `spreadwatch-api-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const ready = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (!message.value) return;
      try {
        onAlert(parseAlertMessage(message.value), Number(message.timestamp));
      } catch (error) {
        log.warn({ err: error, topic }, 'skipped a message of the alerts topic');
      }
    },
  });
  return { ready, stop: () => consumer.disconnect() };
}
