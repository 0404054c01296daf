// End-to-end benchmark (`make bench-e2e`): the real producer, run through its CLI as a child process, writes a
// seeded stream into a namespace of its own, whose two Flink jobs were submitted fresh and are running; the
// figure is events / (first event in Kafka -> newest written_at of the rows in PostgreSQL). Then every window,
// alert and bar must equal the oracle over the same events, captured from the producer's --dry-run (same
// seed, start time and options give the same events byte for byte): a fast run with a wrong row exits 1.
//   tsx infra/native/bench/e2e-bench.ts [--count 2000000] [--symbols 12] [--seed 11]
// It lives in infra/native, not beside flink-bench.ts, because it finds the servers' pids as `make status`
// does, and @spreadwatch/native-stack already depends on @spreadwatch/flink-jobs.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { FlinkJobs, loadConfig } from '@spreadwatch/flink-jobs';
import {
  compareRows,
  readSinkTables,
  removeNamespace,
  spreadAlerts,
  spreadBars,
  spreadMetrics,
  trailingEvents,
} from '@spreadwatch/flink-jobs/testing';
import { createMarketEventSerde, type MarketEvent } from '@spreadwatch/market-events';
// ConfigResourceTypes is not among the names Node finds in kafkajs's CommonJS exports: read off the default.
import kafkajs, { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';
import pg from 'pg';
import { stackStatus } from '../src/commands/status.ts';
import { repoRoot } from '../src/config.ts';
import { appEntryPoints } from '../src/services/app-services.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '2000000' },
    symbols: { type: 'string', default: '12' },
    seed: { type: 'string', default: '11' },
  },
});
const COUNT = Number(args.count);
const SYMBOLS = Number(args.symbols);
// A fixed origin: the dry run and the real run must simulate the same events.
const START_TIME = '2026-01-05T14:00:00.000Z';
const base = loadConfig();
const jobs = new FlinkJobs({ ...base, namespace: `bench_e2e_${Date.now().toString(36)}` });
const { sourceTopic: topic, schema } = jobs.namespace;
/**
 * The producer's flags, identical for the dry run and the run into Kafka: unpaced (its maximum rate), with
 * the demo's late events (`make up`), which stay within the watermark delay.
 */
const producerArgs = Object.entries({
  seed: args.seed,
  count: String(COUNT),
  symbols: String(SYMBOLS),
  'start-time': START_TIME,
  'late-fraction': '0.01',
  'max-delay-ms': '2000',
  topic,
  brokers: base.kafkaBrokers.join(','),
  registry: base.registryUrl,
}).flatMap(([flag, value]) => [`--${flag}`, value]);

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const children = new Set<ChildProcess>();

/** The producer CLI as `make up` runs it (node --import tsx), stdout piped or inherited. */
function producer(extra: string[], stdout: 'pipe' | 'inherit'): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', appEntryPoints.producer, ...producerArgs, ...extra],
    {
      cwd: repoRoot,
      stdio: ['ignore', stdout, 'inherit'],
    },
  );
  children.add(child);
  child.once('close', () => children.delete(child));
  return child;
}

async function exitCode(child: ChildProcess): Promise<number> {
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  return code ?? (signal ? 128 : 1);
}

interface Expected {
  metrics: ReturnType<typeof spreadMetrics>;
  alerts: ReturnType<typeof spreadAlerts>;
  bars: ReturnType<typeof spreadBars>;
  newestEventTime: number;
  seconds: number;
}

/** The oracle over the events the producer's --dry-run writes as NDJSON (the events go out of scope after). */
async function expectedRows(): Promise<Expected> {
  const started = performance.now();
  const child = producer(['--dry-run'], 'pipe');
  const closed = exitCode(child);
  const events: MarketEvent[] = [];
  for await (const line of createInterface({ input: child.stdout!, crlfDelay: Infinity })) {
    if (line !== '') events.push(JSON.parse(line) as MarketEvent);
  }
  const code = await closed;
  if (code !== 0) throw new Error(`the producer's dry run exited ${code}`);
  if (events.length !== COUNT) throw new Error(`the dry run wrote ${events.length} events, not ${COUNT}`);
  const metrics = spreadMetrics(events);
  const newestEventTime = events.reduce((newest, event) => Math.max(newest, event.event_time), -Infinity);
  return {
    metrics,
    alerts: spreadAlerts(metrics),
    bars: spreadBars(events),
    newestEventTime,
    seconds: (performance.now() - started) / 1000,
  };
}

// CPU time from /proc: utime + stime of a process and of every live descendant, plus the cutime + cstime of
// their reaped children (PostgreSQL's backends come and go; the JVMs' threads are in their process's times).
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

interface ProcTimes {
  ppid: number;
  ticks: number;
}

function processTable(): Map<number, ProcTimes> {
  const table = new Map<number, ProcTimes>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces and parentheses): state ppid ... utime(14)...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
      table.set(Number(entry), { ppid: Number(fields[1]), ticks });
    } catch {
      // it ended while we looked
    }
  }
  return table;
}

function treeSeconds(table: Map<number, ProcTimes>, root: number): number {
  const members = new Set([root]);
  let grown = true;
  while (grown) {
    grown = false;
    for (const [pid, { ppid }] of table) {
      if (!members.has(pid) && members.has(ppid)) {
        members.add(pid);
        grown = true;
      }
    }
  }
  let ticks = 0;
  for (const pid of members) ticks += table.get(pid)?.ticks ?? 0;
  return ticks / TICKS_PER_SECOND;
}

/** Busy CPU seconds of the whole machine (every core), from /proc/stat. */
function machineBusySeconds(): number {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / TICKS_PER_SECOND;
}

/** This process's reaped children (the producer, once it has exited) and itself, in CPU seconds. */
function selfSeconds(): { children: number; own: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return {
    children: (fields[13]! + fields[14]!) / TICKS_PER_SECOND,
    own: (fields[11]! + fields[12]!) / TICKS_PER_SECOND,
  };
}

interface CpuSnapshot {
  at: number;
  services: Map<string, { pid: number; seconds: number }>;
  machine: number;
  self: { children: number; own: number };
}

function cpuSnapshot(pids: Map<string, number>): CpuSnapshot {
  const table = processTable();
  const services = new Map<string, { pid: number; seconds: number }>();
  for (const [name, pid] of pids) services.set(name, { pid, seconds: treeSeconds(table, pid) });
  return { at: Date.now(), services, machine: machineBusySeconds(), self: selfSeconds() };
}

const KEEPALIVE_KEY = '~KEEPALIVE';

/**
 * Kafka's append time (the topic is LogAppendTime) of the first or last event of the producer in each
 * partition's offset range [from, to), read back; the bench's keepalive messages are skipped.
 */
async function appendTimes(
  kafka: Kafka,
  ranges: Map<number, { from: number; to: number }>,
  pick: 'first' | 'last',
): Promise<number[]> {
  const found = new Map<number, number>();
  const done = new Set<number>();
  if (ranges.size === 0) return [];
  const consumer = kafka.consumer({ groupId: `${jobs.namespace.jobPrefix}-bench-reader-${Date.now()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out reading record timestamps back')), 120_000);
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const range = ranges.get(batch.partition);
            if (range === undefined || done.has(batch.partition)) return;
            for (const message of batch.messages) {
              const offset = Number(message.offset);
              if (offset < range.from || offset >= range.to) continue;
              if (message.key?.toString() !== KEEPALIVE_KEY)
                found.set(batch.partition, Number(message.timestamp));
              if ((pick === 'first' && found.has(batch.partition)) || offset === range.to - 1) {
                done.add(batch.partition);
                consumer.pause([{ topic, partitions: [batch.partition] }]);
                break;
              }
            }
            if (done.size === ranges.size) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
      for (const [partition, { from }] of ranges) consumer.seek({ topic, partition, offset: String(from) });
    });
  } finally {
    await consumer.disconnect();
  }
  return [...found.values()];
}

/**
 * Until the producer's events flow in every partition, a message the jobs reject (not Avro) goes to each
 * partition every second. Without it the partitions could go idle (SPREADWATCH_SOURCE_IDLE_TIMEOUT_S) while
 * the producer starts; the first to get events then moves the watermark alone, and the others' first events,
 * minutes of event time behind at the producer's speed, are late and dropped (seen here with a 5 s timeout:
 * 5,325 of 100,000 events; the timeout is 60 s since, and this keeps the bench safe on any setting). A
 * rejected message keeps its partition active without moving the watermark, and lands in rejected_events.
 * Returns how many it sent to each partition.
 */
async function keepPartitionsActive(
  admin: Admin,
  sender: Producer,
  partitions: number,
  stopped: () => boolean,
): Promise<number> {
  let sent = 0;
  let firstEventsAt: number | undefined;
  for (;;) {
    await sender.send({
      topic,
      acks: -1,
      messages: Array.from({ length: partitions }, (_, partition) => ({
        partition,
        key: KEEPALIVE_KEY,
        value: 'not an event',
      })),
    });
    sent += 1;
    const nextSend = Date.now() + 1_000;
    while (Date.now() < nextSend) {
      if (stopped()) return sent;
      const flowing = (await topicOffsets(admin)).filter((p) => p.high - p.low > sent).length;
      if (flowing > 0) firstEventsAt ??= Date.now();
      // A partition no symbol hashes to never gets events: 2 s after the first, every lane is producing.
      if (flowing === partitions || (firstEventsAt !== undefined && Date.now() - firstEventsAt > 2_000))
        return sent;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function topicOffsets(admin: Admin): Promise<{ partition: number; low: number; high: number }[]> {
  return (await admin.fetchTopicOffsets(topic)).map((p) => ({
    partition: p.partition,
    low: Number(p.low),
    high: Number(p.high),
  }));
}

interface TableCounts {
  metrics: number;
  alerts: number;
  bars: number;
}

async function counts(db: pg.Client): Promise<TableCounts> {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM "${schema}".spread_metrics)::int AS metrics,
            (SELECT count(*) FROM "${schema}".spread_alerts)::int AS alerts,
            (SELECT count(*) FROM "${schema}".spread_bars_1s)::int AS bars`,
  );
  return rows[0] as TableCounts;
}

const epochMs = (expression: string): string => `(extract(epoch from ${expression}) * 1000)::float8`;

async function main(): Promise<number> {
  console.log(
    `bench-e2e: ${int(COUNT)} events, ${SYMBOLS} symbols, seed ${args.seed}, namespace ${jobs.namespace.name}`,
  );
  const expected = await expectedRows();
  console.log(
    `oracle: ${int(expected.metrics.length)} windows, ${int(expected.alerts.length)} alerts, ${int(expected.bars.length)} bars ` +
      `from the producer's --dry-run in ${expected.seconds.toFixed(1)} s`,
  );

  const kafka = new Kafka({
    clientId: 'spreadwatch-e2e-bench',
    brokers: base.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const closer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const db = new pg.Client({ connectionString: base.databaseUrl });
  try {
    await Promise.all([admin.connect(), closer.connect(), db.connect()]);
    await jobs.prepare();
    // Broker time on every record: when the first and last events reached Kafka, whatever client sent them.
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: kafkajs.ConfigResourceTypes.TOPIC,
          name: topic,
          configEntries: [{ name: 'message.timestamp.type', value: 'LogAppendTime' }],
        },
      ],
    });
    const partitions = (await topicOffsets(admin)).length;
    // One event per partition a minute and the watermark delay after the stream: every window of the stream
    // closes. Its own symbol's window stays open, so it adds no row. Encoded now, sent the moment the
    // producer is done.
    const serde = await createMarketEventSerde({ registryUrl: base.registryUrl, topic });
    const closing = trailingEvents(expected.newestEventTime + 61_000 + base.watermarkDelayMs, partitions).map(
      ({ event, partition }) => ({ key: event.symbol, value: serde.encode(event), partition: partition! }),
    );

    const submitted = await jobs.submit({ fresh: true });
    await Promise.all(submitted.map((job) => jobs.jobManager.waitUntilRunning(job.jobId, 120_000)));
    console.log(`jobs running: ${submitted.map((job) => job.name).join(', ')}`);

    const pids = new Map<string, number>();
    for (const service of await stackStatus()) {
      if (service.pid === undefined)
        console.log(`no pid for ${service.name}: its CPU counts under other processes`);
      else pids.set(service.name, service.pid);
    }
    const before = cpuSnapshot(pids);
    let producing = true;
    const keeping = keepPartitionsActive(admin, closer, partitions, () => !producing);
    keeping.catch(() => undefined); // awaited once the producer is done
    const spawnedAt = Date.now();
    const code = await exitCode(producer([], 'inherit'));
    const producerEnd = Date.now();
    producing = false;
    const keepalives = await keeping;
    const producerCpu = selfSeconds().children - before.self.children;
    if (code !== 0) throw new Error(`the producer exited ${code}`);
    // The jobs' progress at the producer's end, read before the closing events go out.
    const atEnd = db.query(
      `SELECT ${epochMs('max(bar_end)')} AS newest_bar, count(*)::int AS bars FROM "${schema}".spread_bars_1s`,
    );
    await closer.send({ topic, messages: closing, acks: -1 });
    const progress = (await atEnd).rows[0] as { newest_bar: number | null; bars: number };

    // Done once every expected row is there; a pipeline that stops writing short of that fails below.
    let last = await counts(db);
    let lastChange = Date.now();
    let nextReport = Date.now() + 10_000;
    while (
      last.metrics < expected.metrics.length ||
      last.alerts < expected.alerts.length ||
      last.bars < expected.bars.length
    ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = await counts(db);
      if (now.metrics + now.alerts + now.bars !== last.metrics + last.alerts + last.bars)
        lastChange = Date.now();
      last = now;
      if (Date.now() > nextReport) {
        console.log(
          `  waiting: ${int(now.metrics)} windows, ${int(now.alerts)} alerts, ${int(now.bars)} bars written`,
        );
        nextReport = Date.now() + 10_000;
      }
      if (Date.now() - lastChange > 120_000) {
        console.log('no new row for 120 s: comparing what was written');
        break;
      }
    }
    const after = cpuSnapshot(pids);

    const { rows: written } = await db.query(
      `SELECT ${epochMs('max(written_at)')} AS at FROM (
         SELECT max(written_at) AS written_at FROM "${schema}".spread_metrics UNION ALL
         SELECT max(written_at) FROM "${schema}".spread_alerts UNION ALL
         SELECT max(written_at) FROM "${schema}".spread_bars_1s) AS newest`,
    );
    const lastRowAt = Number(written[0].at);
    const offsets = await topicOffsets(admin);
    const keepaliveCount = keepalives * partitions;
    // Less the closing event of each partition and the keepalives.
    const inTopic = offsets.reduce((sum, p) => sum + p.high - p.low, 0) - partitions - keepaliveCount;
    const withEvents = offsets.filter((p) => p.high - p.low > keepalives + 1);
    const firstAt = Math.min(
      ...(await appendTimes(
        kafka,
        new Map(withEvents.map((p) => [p.partition, { from: p.low, to: p.high - 1 }])),
        'first',
      )),
    );
    // The closing event is each partition's last record; the producer's last event is among the records before it.
    const lastEventAt = Math.max(
      ...(await appendTimes(
        kafka,
        new Map(
          withEvents.map((p) => [
            p.partition,
            { from: Math.max(p.low, p.high - 2 - keepalives), to: p.high - 1 },
          ]),
        ),
        'last',
      )),
    );

    const tables = await readSinkTables(base.databaseUrl, schema);
    const asRows = (rows: object[]): Record<string, unknown>[] => rows as Record<string, unknown>[];
    const differences = {
      windows: compareRows(asRows(tables.metrics), asRows(expected.metrics), ['symbol', 'window_start']),
      alerts: compareRows(asRows(tables.alerts), asRows(expected.alerts), [
        'symbol',
        'window_start',
        'alert_type',
      ]),
      bars: compareRows(asRows(tables.bars), asRows(expected.bars), ['symbol', 'bar_start']),
    };
    const { rows: dropped } = await db.query(
      `SELECT (SELECT count(*) FROM "${schema}".late_events)::int AS late,
              (SELECT count(*) FROM "${schema}".rejected_events)::int AS rejected`,
    );

    const e2eMs = lastRowAt - firstAt;
    const producerMs = lastEventAt - firstAt;
    const cpuWallS = (after.at - before.at) / 1000;
    const barLagMs =
      progress.newest_bar === null ? undefined : expected.newestEventTime - progress.newest_bar;
    console.log('');
    console.log(
      `end to end (first event in Kafka -> last row in PostgreSQL): ${secs(e2eMs)}, ${int(COUNT / (e2eMs / 1000))} events/s`,
    );
    console.log(
      `producer (first -> last event in Kafka): ${secs(producerMs)}, ${int(COUNT / (producerMs / 1000))} events/s; ` +
        `process ${secs(producerEnd - spawnedAt)} with its start-up`,
    );
    console.log(
      `jobs behind the producer at its end: last row ${secs(lastRowAt - lastEventAt)} after its last event; ` +
        `${int(progress.bars)} of ${int(expected.bars.length)} bars written; newest bar ` +
        (barLagMs === undefined
          ? 'none'
          : `${secs(barLagMs)} of event time behind the newest event (watermark delay ${secs(base.watermarkDelayMs)})`),
    );
    console.log(
      `rows: ${int(tables.metrics.length)} windows, ${int(tables.alerts.length)} alerts, ${int(tables.bars.length)} bars; ` +
        `${int(inTopic)} events in the topic; late ${dropped[0].late}, rejected ${dropped[0].rejected} ` +
        `(the bench's ${keepaliveCount} keepalive messages are rejected by design)`,
    );

    const cpuRows: [string, number][] = [['producer', producerCpu]];
    for (const [name, { pid, seconds }] of after.services) {
      const earlier = before.services.get(name);
      // A service restarted during the run (another pid) counts from its new start.
      cpuRows.push([
        earlier?.pid === pid ? name : `${name} (restarted)`,
        seconds - (earlier?.pid === pid ? earlier.seconds : 0),
      ]);
    }
    cpuRows.push(['this benchmark', after.self.own - before.self.own]);
    const listed = cpuRows.reduce((sum, [, seconds]) => sum + seconds, 0);
    const machine = after.machine - before.machine;
    cpuRows.push(['other processes', machine - listed], ['machine total', machine]);
    console.log(
      `\nCPU from the producer's start to the last row (${cpuWallS.toFixed(1)} s wall, ${(machine / cpuWallS).toFixed(2)} cores busy on average):`,
    );
    console.log(
      `  ${'process'.padEnd(28)}${'CPU s'.padStart(9)}${'cores'.padStart(8)}${'share'.padStart(8)}`,
    );
    for (const [name, seconds] of cpuRows) {
      console.log(
        `  ${name.padEnd(28)}${seconds.toFixed(1).padStart(9)}${(seconds / cpuWallS).toFixed(2).padStart(8)}` +
          `${`${Math.round((100 * seconds) / machine)}%`.padStart(8)}`,
      );
    }

    const failures = Object.entries(differences).filter(([, list]) => list.length > 0);
    if (inTopic !== COUNT) failures.push(['topic', [`${inTopic} events in the topic, not ${COUNT}`]]);
    console.log(
      JSON.stringify({
        events: COUNT,
        symbols: SYMBOLS,
        endToEndEventsPerSecond: Math.round(COUNT / (e2eMs / 1000)),
        producerEventsPerSecond: Math.round(COUNT / (producerMs / 1000)),
        drainSeconds: Number(((lastRowAt - lastEventAt) / 1000).toFixed(3)),
        cpuSeconds: Object.fromEntries(cpuRows.map(([name, seconds]) => [name, Number(seconds.toFixed(2))])),
        exact: failures.length === 0,
      }),
    );
    if (failures.length > 0) {
      console.log('\nFAIL: the rows differ from the oracle over the produced events');
      for (const [what, list] of failures) {
        console.log(`  ${what}: ${list.length} differences${list.length > 20 ? ' (first 20)' : ''}`);
        for (const difference of list.slice(0, 20)) console.log(`    ${difference}`);
      }
      return 1;
    }
    console.log('\nevery window, alert and bar equals the oracle');
    return 0;
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await Promise.allSettled([closer.disconnect(), admin.disconnect(), db.end()]);
  }
}

let cleaned: Promise<void> | undefined;
const cleanUp = (): Promise<void> =>
  (cleaned ??= removeNamespace(jobs).catch((error: unknown) => {
    console.error(`cleaning up namespace ${jobs.namespace.name} failed: ${String(error)}`);
  }));
// `on`, not `once`: tsx sends the signal again when this process does not answer at once, and with no
// listener left that second one would end the process before the namespace is removed.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping the producer and removing namespace ${jobs.namespace.name}`);
    for (const child of children) child.kill('SIGKILL');
    void cleanUp().finally(() => process.exit(130));
  });
}

let exit = 1;
try {
  exit = await main();
} catch (error) {
  console.error(
    `bench-e2e failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
} finally {
  await cleanUp();
}
process.exit(exit);
