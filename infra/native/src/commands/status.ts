// `make status`: each service with its pid, health (its protocol probe) and resident memory.
import { runningProcess } from '../process/pid-file.ts';
import { rssBytes } from '../process/rss.ts';
import { stackServices, systemServices, type Service } from '../services/index.ts';

export interface ServiceStatus {
  name: string;
  pid?: number;
  healthy: boolean;
  detail: string;
  rssBytes?: number;
  port: number;
  logFile: string;
}

export async function serviceStatus(service: Service): Promise<ServiceStatus> {
  const record = runningProcess(service.name);
  const base = { name: service.name, port: service.port, logFile: service.logFile, pid: record?.pid };
  if (!record) return { ...base, healthy: false, detail: 'not running' };
  try {
    return { ...base, healthy: true, detail: await service.probe(), rssBytes: rssBytes(record.pid) };
  } catch (error) {
    return { ...base, healthy: false, detail: error instanceof Error ? error.message : String(error), rssBytes: rssBytes(record.pid) };
  }
}

/** The servers only (what the integration tests need). */
export async function stackStatus(): Promise<ServiceStatus[]> {
  return Promise.all(stackServices().map(serviceStatus));
}

/** Every process of `make up`. */
export async function systemStatus(): Promise<ServiceStatus[]> {
  return Promise.all(systemServices().map(serviceStatus));
}

const mib = (bytes: number | undefined): string => (bytes === undefined ? '-' : `${Math.round(bytes / 2 ** 20)} MiB`);

export function formatStatus(rows: ServiceStatus[]): string {
  const header = ['SERVICE', 'PID', 'PORT', 'HEALTH', 'RSS', 'DETAIL'];
  const table = rows.map((row) => [
    row.name,
    row.pid === undefined ? '-' : String(row.pid),
    String(row.port),
    row.healthy ? 'healthy' : 'DOWN',
    mib(row.rssBytes),
    row.detail.split('\n')[0]!.slice(0, 90),
  ]);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...table.map((cells) => cells[i]!.length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const total = rows.reduce((sum, row) => sum + (row.rssBytes ?? 0), 0);
  return [line(header), ...table.map(line), '', `total RSS ${mib(total)}`].join('\n');
}
