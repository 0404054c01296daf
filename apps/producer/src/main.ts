// Entry point: tsx apps/producer/src/main.ts --seed 7 --count 1000 --dry-run
import { parseCli, type CliOptions } from './cli/parse-args.ts';
import { USAGE } from './cli/usage.ts';
import { UsageError } from './cli/usage-error.ts';
import { loadConfig } from './config.ts';
import { createLogger, type Logger } from './log.ts';
import type { PacingOptions } from './pacing.ts';
import { describeError } from './retry.ts';
import { runProducer, type RunReport } from './run-producer.ts';
import { describeEvents } from './sink/describe-events.ts';
import type { EventSink } from './sink/event-sink.ts';
import { createNdjsonSink } from './sink/ndjson-sink.ts';
import { simulateMarket } from './simulation/market-simulator.ts';

const BATCH_SIZE = 2_000;
// Half the live promise (event time within 1 s of the wall clock), leaving the rest for the send itself.
const MAX_LAG_MS = 500;

function parseOrExit(): CliOptions {
  try {
    return parseCli(process.argv.slice(2), loadConfig(), Date.now());
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}

function report(logger: Logger, run: RunReport, destination: string): void {
  const seconds = run.elapsedMs / 1000;
  const summary =
    `${run.interrupted ? 'interrupted; ' : ''}sent ${run.sent}, acknowledged ${run.acknowledged} events to ${destination} ` +
    `in ${seconds.toFixed(1)} s (${Math.round(run.acknowledged / Math.max(seconds, 1e-3))} events/s)`;
  if (run.slippedMs > 0) logger.warn(`the producer fell behind: its schedule slipped ${(run.slippedMs / 1000).toFixed(1)} s in all`);
  if (run.failed.length === 0 && run.sent === run.acknowledged) {
    logger.info(summary);
  } else {
    logger.error(`${summary}; ${run.failed.length} not acknowledged (${run.failure ?? 'unknown error'}): ${describeEvents(run.failed)}`);
  }
}

async function main(): Promise<number> {
  const options = parseOrExit();
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal means do not wait for the flush.
    if (++signals > 1) process.exit(130);
    logger.info(`${signal}: stopping, flushing what was sent`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let sink: EventSink;
  let destination: string;
  if (options.dryRun) {
    sink = createNdjsonSink(process.stdout);
    destination = 'stdout';
  } else {
    try {
      // Loaded only here: the Kafka client compiles its option schemas on import, which --dry-run never needs.
      const { createKafkaSink } = await import('./sink/kafka-sink.ts');
      sink = await createKafkaSink({
        ...options,
        logger,
        connectAttempts: config.connectAttempts,
        brokerOutageS: config.brokerOutageS,
        signal: controller.signal,
      });
    } catch (error) {
      logger.error(`cannot start producing: ${describeError(error)}`);
      logger.info('sent 0, acknowledged 0 events');
      return 1;
    }
    destination = `topic ${options.topic}`;
  }
  // Live, event time starts when events can flow, not when the command line was read.
  const sim = options.live ? { ...options.simulation, startTime: Date.now() } : options.simulation;
  logger.info(
    `seed ${sim.seed}, start time ${new Date(sim.startTime).toISOString()} (${sim.startTime}), ${sim.symbols} symbols` +
      `${sim.count === undefined ? '' : `, count ${sim.count}`}${sim.durationMs === undefined ? '' : `, duration ${sim.durationMs} ms`}` +
      `${options.rate > 0 ? `, paced at ${options.rate} events/s${options.live ? ', live' : ''}` : ''}`,
  );
  const pacing: PacingOptions | undefined =
    options.rate > 0 ? { speed: options.rate / (sim.eventRate ?? options.rate), startTime: sim.startTime, live: options.live, maxLagMs: MAX_LAG_MS } : undefined;
  const run = await runProducer(simulateMarket(sim), sink, { pacing, batchSize: BATCH_SIZE, signal: controller.signal, logger });
  report(logger, run, destination);
  const code = run.failed.length === 0 && run.sent === run.acknowledged ? 0 : 1;
  // A send given up on may still wait on a socket to a broker that never answers: nothing is left to wait for.
  if (run.abandoned === true) process.exit(code);
  return code;
}

process.exitCode = await main();
