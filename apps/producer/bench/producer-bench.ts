// Producer throughput: simulator alone, then simulator + Avro + Kafka into the local broker, then Kafka's
// own Java ProducerPerformance at the same record size and settings (idempotent, acks=all), as a ratio.
//   npx tsx apps/producer/bench/producer-bench.ts [--count 1000000] [--symbols 12]
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { encodeMarketEvent } from '@spreadwatch/market-events';
import { Kafka, logLevel } from 'kafkajs';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { runProducer } from '../src/run-producer.ts';
import { createKafkaSink } from '../src/sink/kafka-sink.ts';
import { simulateMarket, type SimulatorOptions } from '../src/simulation/market-simulator.ts';

const KAFKA_JARS = fileURLToPath(new URL('../../../.spreadwatch/lib/kafka/*', import.meta.url));
const PARTITIONS = 12;

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000000' }, symbols: { type: 'string', default: '12' } } });
const count = Number(values.count);
const options: SimulatorOptions = { seed: 1, startTime: Date.UTC(2026, 0, 5, 14, 30), symbols: Number(values.symbols), count };
const config = loadConfig();
const logger = createLogger('warn');

function generationRate(): { rate: number; meanValueBytes: number } {
  const started = performance.now();
  let n = 0;
  for (const event of simulateMarket(options)) if (event.sequence >= 0) n++;
  const rate = (n * 1000) / (performance.now() - started);
  let bytes = 0;
  let sampled = 0;
  for (const event of simulateMarket({ ...options, count: 100_000 })) {
    bytes += encodeMarketEvent(event).length + 5;
    sampled++;
  }
  return { rate, meanValueBytes: Math.round(bytes / sampled) };
}

async function nodeRate(topic: string): Promise<number> {
  const sink = await createKafkaSink({ brokers: config.brokers, registryUrl: config.registryUrl, topic, partitions: PARTITIONS, logger });
  const report = await runProducer(simulateMarket(options), sink, { batchSize: 2_000, signal: new AbortController().signal, logger });
  if (report.acknowledged !== count) throw new Error(`only ${report.acknowledged} of ${count} acknowledged: ${report.failure ?? ''}`);
  return (count * 1000) / report.elapsedMs;
}

function javaRate(topic: string, recordSize: number): number {
  const result = spawnSync(
    'java',
    [
      '-cp', KAFKA_JARS, 'org.apache.kafka.tools.ProducerPerformance',
      '--topic', topic, '--num-records', String(count), '--record-size', String(recordSize), '--throughput', '-1',
      '--bootstrap-server', config.brokers.join(','),
      '--producer-props', 'acks=all', 'enable.idempotence=true',
    ],
    { encoding: 'utf8' },
  );
  // The summary line: "1000000 records sent, 812345.6 records/sec (78.2 MB/sec), ..."
  const summary = result.stdout.split('\n').find((line) => line.startsWith(`${count} records sent`));
  const match = summary === undefined ? null : /records sent, ([\d.]+) records\/sec/.exec(summary);
  if (match === null) throw new Error(`ProducerPerformance failed (exit ${result.status}): ${result.stderr.slice(-2000)}`);
  return Number(match[1]);
}

const suffix = randomUUID();
const topics = { node: `market_events.bench-${suffix}`, java: `market_events.bench-java-${suffix}` };
const admin = new Kafka({ brokers: [...config.brokers], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
try {
  await admin.createTopics({ topics: [{ topic: topics.java, numPartitions: PARTITIONS }], waitForLeaders: true });
  const generation = generationRate();
  console.log(`simulator, no I/O:           ${Math.round(generation.rate)} events/s (${options.symbols} symbols)`);
  const node = await nodeRate(topics.node);
  console.log(`simulator + Avro + kafkajs:  ${Math.round(node)} events/s (${count} events, ${generation.meanValueBytes} B values)`);
  const java = javaRate(topics.java, generation.meanValueBytes);
  console.log(`Java ProducerPerformance:    ${Math.round(java)} records/s (${generation.meanValueBytes} B records)`);
  console.log(`ratio node / java:           ${(node / java).toFixed(3)}`);
} finally {
  await admin.deleteTopics({ topics: [topics.node, topics.java] }).catch(() => undefined);
  await admin.disconnect();
}
