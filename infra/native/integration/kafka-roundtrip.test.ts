// The stack's Kafka broker accepts a produced message and hands it back to a consumer.
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { stackConfig } from '../src/config.ts';

const kafka = new Kafka({ clientId: 'stack-test', brokers: [stackConfig.kafkaBrokers], logLevel: logLevel.WARN });
const topic = `stack-test.roundtrip-${randomUUID()}`;
const admin = kafka.admin();

afterAll(async () => {
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

describe('Kafka (KRaft, one node)', () => {
  it('delivers a produced message to a consumer, with its key and value', async () => {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });

    const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const [ack] = await producer.send({ topic, acks: -1, messages: [{ key: 'EURUSD', value: 'hello spreadwatch' }] });
    await producer.disconnect();
    expect(ack?.errorCode).toBe(0);

    const consumer = kafka.consumer({ groupId: `stack-test-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await new Promise<{ key: string; value: string }>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => resolve({ key: String(message.key), value: String(message.value) }),
      });
    });
    await consumer.disconnect();
    expect(received).toEqual({ key: 'EURUSD', value: 'hello spreadwatch' });
  });
});
