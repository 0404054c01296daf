import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the native stack and the live namespace, with a generated token', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      databaseUrl: 'postgres://spreadwatch:spreadwatch@127.0.0.1:5432/spreadwatch',
      schema: 'public',
      kafkaBrokers: ['127.0.0.1:9092'],
      alertsTopic: 'spread_alerts',
      flinkRestUrl: 'http://127.0.0.1:8081',
      apiTokenGenerated: true,
      readyMaxWindowAgeS: 150,
    });
    expect(config.apiToken.length).toBeGreaterThanOrEqual(32);
    expect(config.flinkJobs.namespace).toBe('');
  });

  it('serves another namespace: its schema, alerts topic and jobs', () => {
    const config = loadConfig({
      SPREADWATCH_NAMESPACE: 'replay1',
      SPREADWATCH_API_TOKEN: 't',
      SPREADWATCH_API_PORT: '8080',
    });
    expect(config).toMatchObject({
      schema: 'replay1',
      alertsTopic: 'spread_alerts.replay1',
      port: 8080,
      apiToken: 't',
    });
    expect(config.flinkJobs.namespace).toBe('replay1');
  });

  it('rejects invalid settings with the variable name', () => {
    expect(() => loadConfig({ SPREADWATCH_API_PORT: 'http' })).toThrow(
      /SPREADWATCH_API_PORT must be a whole number/,
    );
    expect(() => loadConfig({ SPREADWATCH_NAMESPACE: 'x; DROP' })).toThrow(/SPREADWATCH_NAMESPACE/);
    expect(() => loadConfig({ SPREADWATCH_READY_MAX_WINDOW_AGE_S: '0' })).toThrow(
      /SPREADWATCH_READY_MAX_WINDOW_AGE_S must be a whole number from 1 to 86400/,
    );
  });
});
