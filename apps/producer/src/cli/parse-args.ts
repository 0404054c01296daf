// The command line, parsed and validated into producer options.
import { parseArgs } from 'node:util';
import type { SimulatorOptions } from '../simulation/market-simulator.ts';
import { MAX_SYMBOLS } from '../simulation/symbol-universe.ts';
import type { ProducerConfig } from '../config.ts';
import { parseBrokers, parseDuration, parseInteger, parseNumber, parseTimestamp, parseTopic, parseUrl } from './parse-values.ts';
import { UsageError } from './usage-error.ts';

export interface CliOptions {
  readonly help: boolean;
  readonly dryRun: boolean;
  /** Wall-clock pacing, events per second; 0 = unpaced. */
  readonly rate: number;
  /** Event time is the wall clock: paced at --event-rate (by default) and no --start-time. */
  readonly live: boolean;
  readonly simulation: SimulatorOptions;
  readonly topic: string;
  readonly partitions: number;
  readonly brokers: readonly string[];
  readonly registryUrl: string;
}

const FLAGS = {
  symbols: { type: 'string' },
  rate: { type: 'string' },
  'event-rate': { type: 'string' },
  count: { type: 'string' },
  duration: { type: 'string' },
  seed: { type: 'string' },
  'start-time': { type: 'string' },
  'late-fraction': { type: 'string' },
  'max-delay-ms': { type: 'string' },
  topic: { type: 'string' },
  partitions: { type: 'string' },
  brokers: { type: 'string' },
  registry: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS, allowPositionals: false, strict: true }).values;
  } catch (error) {
    // node:util names the offending flag, e.g. "Unknown option '--symbol'".
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * @param now wall-clock epoch milliseconds, the default start time (the only wall-clock input, and only
 *   when --start-time is absent)
 */
export function parseCli(argv: readonly string[], config: ProducerConfig, now: number): CliOptions {
  const values = parseFlags(argv);
  const rate = values.rate === undefined ? 0 : parseNumber('rate', values.rate, 0);
  const eventRate = values['event-rate'] === undefined ? (rate > 0 ? rate : undefined) : parseNumber('event-rate', values['event-rate'], Number.MIN_VALUE);
  const lateFraction = values['late-fraction'] === undefined ? 0 : parseNumber('late-fraction', values['late-fraction'], 0, 1);
  const maxDelayMs = values['max-delay-ms'] === undefined ? 0 : parseInteger('max-delay-ms', values['max-delay-ms'], 0);
  if (lateFraction > 0 && maxDelayMs === 0) throw new UsageError('--late-fraction needs --max-delay-ms greater than 0');

  const simulation: SimulatorOptions = {
    seed: values.seed === undefined ? 1 : parseInteger('seed', values.seed, 0),
    startTime: values['start-time'] === undefined ? Math.floor(now / 1000) * 1000 : parseTimestamp('start-time', values['start-time']),
    symbols: values.symbols === undefined ? 12 : parseInteger('symbols', values.symbols, 1, MAX_SYMBOLS),
    ...(eventRate === undefined ? {} : { eventRate }),
    ...(values.count === undefined ? {} : { count: parseInteger('count', values.count, 1) }),
    ...(values.duration === undefined ? {} : { durationMs: parseDuration('duration', values.duration) }),
    lateFraction,
    maxDelayMs,
  };
  return {
    help: values.help === true,
    dryRun: values['dry-run'] === true,
    rate,
    live: rate > 0 && eventRate === rate && values['start-time'] === undefined,
    simulation,
    topic: values.topic === undefined ? config.topic : parseTopic('topic', values.topic),
    partitions: values.partitions === undefined ? 12 : parseInteger('partitions', values.partitions, 1, 10_000),
    brokers: values.brokers === undefined ? config.brokers : parseBrokers('brokers', values.brokers),
    registryUrl: values.registry === undefined ? config.registryUrl : parseUrl('registry', values.registry),
  };
}
