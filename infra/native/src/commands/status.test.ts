import { describe, expect, it } from 'vitest';
import { formatStatus } from './status.ts';

describe('formatStatus', () => {
  it('shows each service with pid, health and RSS, and the total', () => {
    const text = formatStatus([
      { name: 'kafka', pid: 42, healthy: true, detail: '1 broker(s)', rssBytes: 300 * 2 ** 20, port: 9092, logFile: '/x' },
      { name: 'postgres', healthy: false, detail: 'not running', port: 5432, logFile: '/y' },
    ]);
    const [header, kafka, postgres] = text.split('\n');
    expect(header).toMatch(/^SERVICE\s+PID\s+PORT\s+HEALTH\s+RSS\s+DETAIL$/);
    expect(kafka).toMatch(/^kafka\s+42\s+9092\s+healthy\s+300 MiB\s+1 broker\(s\)$/);
    expect(postgres).toMatch(/^postgres\s+-\s+5432\s+DOWN\s+-\s+not running$/);
    expect(text).toMatch(/total RSS 300 MiB$/);
  });
});
