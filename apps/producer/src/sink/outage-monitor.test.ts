import { describe, expect, it } from 'vitest';
import type { Logger } from '../log.ts';
import { OutageMonitor } from './outage-monitor.ts';

function recordingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => lines.push(`${level} ${message}`);
  return { lines, debug: () => undefined, info: at('info'), warn: at('warn'), error: at('error') };
}

const REFUSED = 'Connection error: connect ECONNREFUSED 127.0.0.1:9092';

describe('OutageMonitor', () => {
  it('says nothing while sends are acknowledged within the notice delay', () => {
    const logger = recordingLogger();
    const monitor = new OutageMonitor({ brokers: '127.0.0.1:9092', boundS: 300, logger });
    monitor.sendStarted(0, 0);
    monitor.check(4_999, 10);
    expect(monitor.sendSettled(0, 4_999, true, 0)).toBe(4_999);
    monitor.check(20_000, 0);
    expect(logger.lines).toEqual([]);
  });

  it('announces an outage once, reports progress every 10 s, and its end once every stuck lane is back', () => {
    const logger = recordingLogger();
    const monitor = new OutageMonitor({ brokers: '127.0.0.1:9092', boundS: 300, logger });
    monitor.sendStarted(0, 1_000);
    monitor.sendStarted(1, 2_000);
    monitor.kafkaError(REFUSED);
    for (let now = 1_000; now <= 27_000; now += 1_000) monitor.check(now, 40);
    expect(monitor.sendSettled(1, 70_000, true, 25)).toBe(68_000);
    // Lane 0 is still stuck: not over yet, and still reported.
    monitor.check(70_500, 25);
    expect(monitor.sendSettled(0, 71_000, true, 0)).toBe(70_000);
    monitor.check(80_000, 0);
    expect(logger.lines).toEqual([
      `warn Kafka at 127.0.0.1:9092 unreachable for 5 s (${REFUSED}): production paused with 40 events waiting; retrying for up to 300 s (SPREADWATCH_BROKER_OUTAGE_S)`,
      `warn Kafka at 127.0.0.1:9092 unreachable for 15 s, 40 events waiting (${REFUSED})`,
      `warn Kafka at 127.0.0.1:9092 unreachable for 25 s, 40 events waiting (${REFUSED})`,
      `warn Kafka at 127.0.0.1:9092 unreachable for 70 s, 25 events waiting (${REFUSED})`,
      'info Kafka at 127.0.0.1:9092 acknowledges again after 70 s; 0 events waiting, production resumes',
    ]);
  });

  it('says "not acknowledging" when the client reported no error, and nothing more when the send fails', () => {
    const logger = recordingLogger();
    const monitor = new OutageMonitor({ brokers: 'a:1,b:2', boundS: 20, logger, noticeAfterMs: 2_000 });
    monitor.sendStarted(3, 0);
    monitor.check(2_000, 7);
    expect(monitor.sendSettled(3, 21_000, false, 7)).toBe(21_000);
    monitor.check(40_000, 7);
    expect(logger.lines).toEqual([
      'warn Kafka at a:1,b:2 not acknowledging for 2 s: production paused with 7 events waiting; retrying for up to 20 s (SPREADWATCH_BROKER_OUTAGE_S)',
    ]);
  });
});
