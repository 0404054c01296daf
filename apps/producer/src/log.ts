// Logs go to stderr, one line each, so stdout stays pure NDJSON in dry runs.
import type { LogLevel } from './config.ts';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const at = (messageLevel: LogLevel) => (message: string) => {
    if (RANK[messageLevel] >= RANK[level]) write(`${new Date().toISOString()} ${messageLevel.toUpperCase()} producer: ${message}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
