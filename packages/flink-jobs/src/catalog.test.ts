import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { loadJobs, parseJobName } from './catalog.ts';
import { resolveNamespace } from './namespace.ts';

const config = loadConfig({ SPREADWATCH_WATERMARK_DELAY_MS: '2500' });

describe('loadJobs', () => {
  it('loads one job per flink-sql file, the catalog first and the submitting statement last', () => {
    const jobs = loadJobs(config, resolveNamespace(''));
    expect(jobs.map((job) => job.name)).toEqual(['spreadwatch-spread-metrics', 'spreadwatch-spread-bars-1s']);
    for (const job of jobs) {
      expect(job.statements[0]?.text).toMatch(/^CREATE TEMPORARY SYSTEM FUNCTION market_event_time/);
      expect(job.statements[2]?.text).toMatch(/^CREATE TEMPORARY TABLE market_event_messages/);
      expect(job.statements.at(-1)?.text).toMatch(/^(INSERT INTO|EXECUTE STATEMENT SET)/);
      expect(job.statements.map((statement) => statement.text).join('\n')).not.toContain('${');
    }
  });

  it('points a namespace at its own topic, schema, consumer group and job names', () => {
    const [metrics] = loadJobs(config, resolveNamespace('backtest_1'));
    const sql = metrics?.statements.map((statement) => statement.text).join('\n') ?? '';
    expect(metrics?.name).toBe('spreadwatch-backtest_1-spread-metrics');
    expect(sql).toContain("'topic'                         = 'market_events.backtest_1'");
    expect(sql).toContain("'topic'                         = 'spread_alerts.backtest_1'");
    expect(sql).toContain("'table-name'                  = 'backtest_1.spread_metrics'");
    expect(sql).toContain("'properties.group.id'           = 'spreadwatch-backtest_1-spread-metrics'");
    expect(sql).toContain("INTERVAL '2.500' SECOND");
    expect(sql).toMatch(
      /USING JAR 'file:\/\/\/.*\/flink-sql\/functions\/target\/spreadwatch-flink-functions\.jar'/,
    );
    expect(sql).toContain(
      "market_event_time(message_value, kafka_partition, 'http://127.0.0.1:8085/apis/ccompat/v7', 300)",
    );
    expect(sql).toContain(
      "'url'                         = 'jdbc:postgresql://127.0.0.1:5432/spreadwatch?reWriteBatchedInserts=true'",
    );
  });
});

describe('resolveNamespace', () => {
  it('refuses names that are not safe as schema, topic suffix and job name', () => {
    for (const name of ['Public', 'public', '1x', 'a-b', 'a.b', 'x'.repeat(41)]) {
      expect(() => resolveNamespace(name)).toThrow('invalid namespace');
    }
  });
});

describe('parseJobName', () => {
  it('finds the namespace and job of a catalog job name, and nothing in other names', () => {
    const jobs = ['spread-metrics', 'spread-bars-1s'];
    expect(parseJobName('spreadwatch-spread-metrics', jobs)).toEqual({
      namespace: '',
      job: 'spread-metrics',
    });
    expect(parseJobName('spreadwatch-replay_1-spread-bars-1s', jobs)).toEqual({
      namespace: 'replay_1',
      job: 'spread-bars-1s',
    });
    expect(parseJobName('spreadwatch-a-b-spread-metrics', jobs)).toBeUndefined();
    expect(parseJobName('other-spread-metrics', jobs)).toBeUndefined();
    expect(parseJobName('spreadwatch-x-unknown', jobs)).toBeUndefined();
  });
});
