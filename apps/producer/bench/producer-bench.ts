// Producer throughput: the simulator alone, simulator + Avro encoding, then simulator + Avro + Kafka into
// the local broker (the producer's sink, at each lane count asked), against Kafka's own Java
// ProducerPerformance at the same record size and settings (idempotent, acks=all), run before and after
// them: their ratio to its mean. The per-event split says where the producer's time goes.
//   npx tsx apps/producer/bench/producer-bench.ts [--count 1000000] [--symbols 12] [--lanes 2,4] [--batch 2000]
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Admin } from '@platformatic/kafka';
import { encodeWireFormat } from '@spreadwatch/market-events';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { runProducer } from '../src/run-producer.ts';
import { createKafkaSink } from '../src/sink/kafka-sink.ts';
import { simulateMarket, type SimulatorOptions } from '../src/simulation/market-simulator.ts';

const KAFKA_JARS = fileURLToPath(new URL('../../../.spreadwatch/lib/kafka/*', import.meta.url));
const PARTITIONS = 12;

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    symbols: { type: 'string', default: '12' },
    lanes: { type: 'string', default: '2,4' },
    batch: { type: 'string', default: '2000' },
  },
});
const count = Number(values.count);
const batchSize = Number(values.batch);
const options: SimulatorOptions = {
  seed: 1,
  startTime: Date.UTC(2026, 0, 5, 14, 30),
  symbols: Number(values.symbols),
  count,
};
const config = loadConfig();
const logger = createLogger('warn');
const perSecond = (n: number, ms: number) => (n * 1000) / ms;
const pad = (label: string) => `${label}:`.padEnd(44);

function generationRate(): number {
  // Warm up first: the first pass would time the JIT compiling the simulator.
  for (const event of simulateMarket({ ...options, count: Math.min(count, 200_000) }))
    if (event.sequence < 0) break;
  const started = performance.now();
  let n = 0;
  for (const event of simulateMarket(options)) if (event.sequence >= 0) n++;
  return perSecond(n, performance.now() - started);
}

function encodingRate(): { rate: number; meanValueBytes: number } {
  let bytes = 0;
  const started = performance.now();
  for (const event of simulateMarket(options)) bytes += encodeWireFormat(1, event).length;
  return { rate: perSecond(count, performance.now() - started), meanValueBytes: Math.round(bytes / count) };
}

async function nodeRate(topic: string, lanes: number): Promise<number> {
  const sink = await createKafkaSink({
    brokers: config.brokers,
    registryUrl: config.registryUrl,
    topic,
    partitions: PARTITIONS,
    lanes,
    logger,
  });
  const report = await runProducer(simulateMarket(options), sink, {
    batchSize,
    signal: new AbortController().signal,
    logger,
  });
  if (report.acknowledged !== count)
    throw new Error(`only ${report.acknowledged} of ${count} acknowledged: ${report.failure ?? ''}`);
  return perSecond(count, report.elapsedMs);
}

function javaRate(topic: string, recordSize: number): number {
  const result = spawnSync(
    'java',
    [
      '-cp',
      KAFKA_JARS,
      'org.apache.kafka.tools.ProducerPerformance',
      '--topic',
      topic,
      '--num-records',
      String(count),
      '--record-size',
      String(recordSize),
      '--throughput',
      '-1',
      '--bootstrap-server',
      config.brokers.join(','),
      '--producer-props',
      'acks=all',
      'enable.idempotence=true',
    ],
    { encoding: 'utf8' },
  );
  // The summary line: "1000000 records sent, 812345.6 records/sec (78.2 MB/sec), ..."
  const summary = result.stdout.split('\n').find((line) => line.startsWith(`${count} records sent`));
  const match = summary === undefined ? null : /records sent, ([\d.]+) records\/sec/.exec(summary);
  if (match === null)
    throw new Error(`ProducerPerformance failed (exit ${result.status}): ${result.stderr.slice(-2000)}`);
  return Number(match[1]);
}

const suffix = randomUUID();
const topics: string[] = [];
const topicFor = (name: string) => {
  const topic = `market_events.bench-${name}-${suffix}`;
  topics.push(topic);
  return topic;
};
const admin = new Admin({ clientId: 'producer-bench', bootstrapBrokers: [...config.brokers] });
try {
  const generation = generationRate();
  const encoding = encodingRate();
  const recordBytes = encoding.meanValueBytes;
  console.log(`${pad('simulator, no I/O')}${Math.round(generation)} events/s (${options.symbols} symbols)`);
  console.log(
    `${pad('simulator + Avro encoding, no I/O')}${Math.round(encoding.rate)} events/s (${recordBytes} B values)`,
  );
  const javaTopic = topicFor('java');
  await admin.createTopics({ topics: [javaTopic], partitions: PARTITIONS });
  const javaBefore = javaRate(javaTopic, recordBytes);
  console.log(
    `${pad('Java ProducerPerformance (before)')}${Math.round(javaBefore)} records/s (${recordBytes} B records)`,
  );
  const rates: [string, number][] = [];
  for (const lanes of values.lanes.split(',').map(Number)) {
    const rate = await nodeRate(topicFor(`${lanes}-lanes`), lanes);
    const label = `simulator + Avro + Kafka, ${lanes} lanes`;
    rates.push([label, rate]);
    // Simulating and encoding take 1/encoding.rate of each event's time; the rest is the client's.
    const clientUs = 1e6 / rate - 1e6 / encoding.rate;
    console.log(
      `${pad(label)}${Math.round(rate)} events/s (${count} events, client ${clientUs.toFixed(2)} µs/event)`,
    );
  }
  const javaAfter = javaRate(javaTopic, recordBytes);
  console.log(`${pad('Java ProducerPerformance (after)')}${Math.round(javaAfter)} records/s`);
  const java = (javaBefore + javaAfter) / 2;
  console.log(
    `per event: simulator ${(1e6 / generation).toFixed(2)} µs, Avro encoding ${(1e6 / encoding.rate - 1e6 / generation).toFixed(2)} µs`,
  );
  for (const [label, rate] of rates)
    console.log(
      `${pad(`ratio ${label.replace('simulator + Avro + Kafka, ', '')} / java`)}${(rate / java).toFixed(3)}`,
    );
} finally {
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.close();
}
