import { describe, expect, it } from 'vitest';
import type { ProducerConfig } from '../config.ts';
import { parseCli } from './parse-args.ts';

const config: ProducerConfig = { brokers: ['127.0.0.1:9092'], registryUrl: 'http://127.0.0.1:8085/apis/ccompat/v7', topic: 'market_events', logLevel: 'info', connectAttempts: 10, brokerOutageS: 300 };
const NOW = Date.UTC(2026, 0, 5, 14, 30, 12, 345);
const parse = (...argv: string[]) => parseCli(argv, config, NOW);

describe('parseCli', () => {
  it('defaults to 12 symbols, seed 1, unpaced, the configured endpoints and the current second', () => {
    const options = parse();
    expect(options.simulation).toEqual({ seed: 1, startTime: Date.UTC(2026, 0, 5, 14, 30, 12), symbols: 12, lateFraction: 0, maxDelayMs: 0 });
    expect(options).toMatchObject({ dryRun: false, rate: 0, live: false, topic: 'market_events', partitions: 12, brokers: config.brokers, registryUrl: config.registryUrl });
  });

  it('reads every flag', () => {
    const options = parse(
      '--symbols', '5000', '--rate', '2000', '--count', '10', '--duration', '15m', '--seed', '7',
      '--start-time', '2026-01-05T14:30:00Z', '--late-fraction', '0.1', '--max-delay-ms', '500', '--topic', 'market_events.replay',
      '--partitions', '3', '--brokers', 'a:9092,b:9093', '--registry', 'http://r:8085/apis/ccompat/v7/', '--dry-run',
    );
    expect(options.simulation).toEqual({
      seed: 7,
      startTime: Date.UTC(2026, 0, 5, 14, 30),
      symbols: 5000,
      eventRate: 2000,
      count: 10,
      durationMs: 900_000,
      lateFraction: 0.1,
      maxDelayMs: 500,
    });
    expect(options).toMatchObject({ dryRun: true, rate: 2000, live: false, topic: 'market_events.replay', partitions: 3, brokers: ['a:9092', 'b:9093'], registryUrl: 'http://r:8085/apis/ccompat/v7' });
    expect(parse('--rate', '100', '--event-rate', '5').simulation.eventRate).toBe(5);
    expect(parse('--start-time', '1767623400000').simulation.startTime).toBe(1_767_623_400_000);
    expect(parse('--duration', '90').simulation.durationMs).toBe(90_000);
  });

  it('is live when paced at the event rate from now', () => {
    expect(parse('--rate', '200').live).toBe(true);
    expect(parse('--rate', '200', '--event-rate', '200').live).toBe(true);
    expect(parse('--rate', '2000', '--event-rate', '200').live).toBe(false);
    expect(parse('--rate', '200', '--start-time', '2026-01-05T14:30:00Z').live).toBe(false);
  });

  it.each([
    [['--symbols', '0'], '--symbols must be between 1 and 100000, got 0'],
    [['--symbols', 'many'], '--symbols must be a whole number, got "many"'],
    [['--rate=-1'], '--rate must be at least 0, got -1'],
    [['--rate', '-1'], "Option '--rate' argument is ambiguous"],
    [['--count', '1.5'], '--count must be a whole number'],
    [['--duration', '10 minutes'], '--duration must be a duration like 500ms, 90s, 15m or 2h'],
    [['--seed=-3'], '--seed must be a whole number'],
    [['--start-time', '2026-01-05 14:30'], '--start-time must be epoch milliseconds or ISO 8601 with a zone'],
    [['--start-time', '2026-02-31T00:00:00Z'], '--start-time is not a valid date'],
    [['--late-fraction', '1.5', '--max-delay-ms', '10'], '--late-fraction must be between 0 and 1, got 1.5'],
    [['--late-fraction', '0.1'], '--late-fraction needs --max-delay-ms greater than 0'],
    [['--topic', 'bad topic'], '--topic must be 1-249 characters'],
    [['--brokers', 'localhost'], '--brokers must be host:port'],
    [['--registry', 'ftp://r'], '--registry must be an http(s) URL'],
    [['--symbol', '3'], "Unknown option '--symbol'"],
    [['--count'], "Option '--count <value>' argument missing"],
    [['extra'], "Unexpected argument 'extra'"],
  ])('rejects %j with a message naming the flag', (argv, message) => {
    expect(() => parse(...argv)).toThrow(expect.objectContaining({ name: 'UsageError', message: expect.stringContaining(message) }));
  });
});
