// The three Flink processes work together with the other servers: an INSERT submitted through the SQL
// Gateway's REST API reads an avro-confluent Kafka topic and writes through the JDBC sink into PostgreSQL,
// and the job shows up by its name in the JobManager's REST API.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { JobManagerClient, SqlGatewaySession } from '@spreadwatch/flink-client';
import { createMarketEventSerde, type MarketEvent } from '@spreadwatch/market-events';
import { stackConfig } from '../src/config.ts';

const runId = randomUUID().slice(0, 8);
const topic = `stack-test.flink-${runId}`;
const schema = `stack_test_${runId}`;
const jobName = `stack-test-kafka-to-postgres-${runId}`;

const kafka = new Kafka({ clientId: 'stack-test', brokers: [stackConfig.kafkaBrokers], logLevel: logLevel.WARN });
const db = new pg.Pool({ connectionString: stackConfig.databaseUrl, max: 2 });
const gateway = new SqlGatewaySession({ url: stackConfig.sqlGatewayUrl });
const jobManager = new JobManagerClient(stackConfig.flinkRestUrl);
let jobId: string | undefined;

const events: MarketEvent[] = ['AAA', 'BBB', 'CCC'].map((symbol, i) => ({
  symbol,
  event_time: 1_767_225_600_000 + i * 250,
  event_type: 'QUOTE',
  bid: 100 + i,
  ask: 100.05 + i,
  bid_size: 500 + i,
  ask_size: 700 + i,
  trade_price: null,
  trade_size: null,
  side: null,
  stress: 0.1 * i,
  sequence: i,
}));

afterAll(async () => {
  if (jobId) await jobManager.cancel(jobId).catch(() => undefined);
  await gateway.close();
  await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await db.end();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

describe('Flink SQL through the gateway: Kafka (avro-confluent) to PostgreSQL (JDBC)', () => {
  it('lands every produced event as a row, with the job RUNNING under its name', async () => {
    await db.query(`CREATE SCHEMA ${schema}`);
    await db.query(
      `CREATE TABLE ${schema}.quotes (symbol text, sequence bigint, event_time timestamp(3), bid double precision,
         ask double precision, stress double precision, PRIMARY KEY (symbol, sequence))`,
    );

    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
    await admin.disconnect();
    const serde = await createMarketEventSerde({ registryUrl: stackConfig.registryUrl, topic });
    const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: events.map((event) => ({ key: event.symbol, value: serde.encode(event) })),
    });
    await producer.disconnect();

    const dbUrl = new URL(stackConfig.databaseUrl);
    await gateway.open();
    await gateway.execute(`
      CREATE TABLE quotes_in (
        symbol STRING, event_time TIMESTAMP(3), event_type STRING, bid DOUBLE, ask DOUBLE,
        bid_size BIGINT, ask_size BIGINT, trade_price DOUBLE, trade_size BIGINT, side STRING,
        stress DOUBLE, sequence BIGINT
      ) WITH (
        'connector' = 'kafka',
        'topic' = '${topic}',
        'properties.bootstrap.servers' = '${stackConfig.kafkaBrokers}',
        'properties.group.id' = '${jobName}',
        'scan.startup.mode' = 'earliest-offset',
        'value.format' = 'avro-confluent',
        'value.avro-confluent.url' = '${stackConfig.registryUrl}'
      )`);
    await gateway.execute(`
      CREATE TABLE quotes_out (
        symbol STRING, sequence BIGINT, event_time TIMESTAMP(3), bid DOUBLE, ask DOUBLE, stress DOUBLE,
        PRIMARY KEY (symbol, sequence) NOT ENFORCED
      ) WITH (
        'connector' = 'jdbc',
        'url' = 'jdbc:postgresql://${dbUrl.hostname}:${dbUrl.port}${dbUrl.pathname}',
        'table-name' = '${schema}.quotes',
        'username' = '${decodeURIComponent(dbUrl.username)}',
        'password' = '${decodeURIComponent(dbUrl.password)}',
        'sink.buffer-flush.interval' = '200ms'
      )`);
    const insert = await gateway.execute(
      'INSERT INTO quotes_out SELECT symbol, sequence, event_time, bid, ask, stress FROM quotes_in',
      { 'pipeline.name': jobName },
    );
    jobId = insert.jobId;
    expect(jobId).toMatch(/^[0-9a-f]{32}$/);

    let rows: Record<string, unknown>[] = [];
    for (let attempt = 0; attempt < 120 && rows.length < events.length; attempt += 1) {
      await sleep(500);
      // Epoch millis of the UTC wall-clock timestamp, so the check does not depend on the machine's zone.
      const result = await db.query(
        `SELECT symbol, sequence, (extract(epoch FROM event_time) * 1000)::bigint AS event_time, bid, ask, stress
           FROM ${schema}.quotes ORDER BY sequence`,
      );
      rows = result.rows as Record<string, unknown>[];
    }
    expect(rows).toEqual(
      events.map((event) => ({
        symbol: event.symbol,
        sequence: String(event.sequence),
        event_time: String(event.event_time),
        bid: event.bid,
        ask: event.ask,
        stress: event.stress,
      })),
    );

    const listed = (await jobManager.jobs()).find((job) => job.jid === jobId);
    expect(listed).toMatchObject({ name: jobName, state: 'RUNNING' });
  });
});
