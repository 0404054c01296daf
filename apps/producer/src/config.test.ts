import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the local native stack', () => {
    expect(loadConfig({})).toEqual({
      brokers: ['127.0.0.1:9092'],
      registryUrl: 'http://127.0.0.1:8085/apis/ccompat/v7',
      topic: 'market_events',
      logLevel: 'info',
      connectAttempts: 10,
      brokerOutageS: 300,
    });
  });

  it('reads the environment and rejects bad values', () => {
    const config = loadConfig({ SPREADWATCH_KAFKA_BROKERS: 'a:1, b:2', SPREADWATCH_REGISTRY_URL: 'http://r', SPREADWATCH_LOG_LEVEL: 'debug', SPREADWATCH_CONNECT_ATTEMPTS: '3', SPREADWATCH_BROKER_OUTAGE_S: '90' });
    expect(config).toMatchObject({ brokers: ['a:1', 'b:2'], registryUrl: 'http://r', logLevel: 'debug', connectAttempts: 3, brokerOutageS: 90 });
    expect(() => loadConfig({ SPREADWATCH_LOG_LEVEL: 'loud' })).toThrow('SPREADWATCH_LOG_LEVEL must be one of debug, info, warn, error');
    expect(() => loadConfig({ SPREADWATCH_CONNECT_ATTEMPTS: '0' })).toThrow('SPREADWATCH_CONNECT_ATTEMPTS must be a positive whole number');
    expect(() => loadConfig({ SPREADWATCH_BROKER_OUTAGE_S: '1.5' })).toThrow('SPREADWATCH_BROKER_OUTAGE_S must be a positive whole number of seconds');
  });
});
