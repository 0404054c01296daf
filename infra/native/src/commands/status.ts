// `make status`: each service with its pid, health (its protocol probe) and resident memory; for the API,
// its readiness (/readyz) with every cause that keeps it from being ready listed under its line.
import { ports, stackConfig } from '../config.ts';
import { runningProcess } from '../process/pid-file.ts';
import { rssBytes } from '../process/rss.ts';
import { apiService } from '../services/app-services.ts';
import { stackServices, systemServices, type Service } from '../services/index.ts';

export interface ServiceStatus {
  name: string;
  pid?: number;
  healthy: boolean;
  detail: string;
  rssBytes?: number;
  port: number;
  logFile: string;
  /** Why a running service is not ready (the API's /readyz causes). */
  causes?: string[];
}

export async function serviceStatus(service: Service): Promise<ServiceStatus> {
  const record = runningProcess(service.name);
  const base = { name: service.name, port: service.port, logFile: service.logFile, pid: record?.pid };
  if (!record) return { ...base, healthy: false, detail: 'not running' };
  try {
    return { ...base, healthy: true, detail: await service.probe(), rssBytes: rssBytes(record.pid) };
  } catch (error) {
    return {
      ...base,
      healthy: false,
      detail: error instanceof Error ? error.message : String(error),
      rssBytes: rssBytes(record.pid),
    };
  }
}

/** The API's readiness at `api`: /readyz 200 is ready, 503 lists its causes, anything else is down. */
export async function apiReadiness(
  api: string,
): Promise<Pick<ServiceStatus, 'healthy' | 'detail' | 'causes'>> {
  try {
    const response = await fetch(`${api}/readyz`, { signal: AbortSignal.timeout(5_000) });
    if (response.status === 200) return { healthy: true, detail: `ready, dashboard at ${api}` };
    const body = (await response.json().catch(() => ({}))) as { causes?: unknown };
    const causes = Array.isArray(body.causes) ? body.causes.map(String) : [];
    if (response.status === 503 && causes.length > 0) {
      const count = `${causes.length} cause${causes.length === 1 ? '' : 's'}`;
      return { healthy: false, detail: `up, not ready (${count})`, causes };
    }
    return { healthy: false, detail: `the API is down: /readyz answered ${response.status}` };
  } catch (error) {
    // fetch says only "fetch failed"; its cause says why (connection refused, timeout).
    const reason =
      error instanceof Error ? ((error.cause as Error | undefined) ?? error).message : String(error);
    return { healthy: false, detail: `the API is down: ${reason}` };
  }
}

async function apiStatus(service: Service): Promise<ServiceStatus> {
  const record = runningProcess(service.name);
  const base = { name: service.name, port: service.port, logFile: service.logFile, pid: record?.pid };
  if (!record) return { ...base, healthy: false, detail: 'not running: the API is down, readiness unknown' };
  const readiness = await apiReadiness(`http://${stackConfig.host}:${ports.api}`);
  return { ...base, ...readiness, rssBytes: rssBytes(record.pid) };
}

/** The servers only (what the integration tests need). */
export async function stackStatus(): Promise<ServiceStatus[]> {
  return Promise.all(stackServices().map(serviceStatus));
}

/** Every process of `make up`. */
export async function systemStatus(): Promise<ServiceStatus[]> {
  return Promise.all(
    systemServices().map((service) => (service === apiService ? apiStatus(service) : serviceStatus(service))),
  );
}

const mib = (bytes: number | undefined): string =>
  bytes === undefined ? '-' : `${Math.round(bytes / 2 ** 20)} MiB`;

function health(row: ServiceStatus): string {
  if (row.healthy) return 'healthy';
  return row.causes?.length ? 'NOT READY' : 'DOWN';
}

export function formatStatus(rows: ServiceStatus[]): string {
  const header = ['SERVICE', 'PID', 'PORT', 'HEALTH', 'RSS', 'DETAIL'];
  const table = rows.map((row) => [
    row.name,
    row.pid === undefined ? '-' : String(row.pid),
    String(row.port),
    health(row),
    mib(row.rssBytes),
    row.detail.split('\n')[0]!.slice(0, 90),
  ]);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...table.map((cells) => cells[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const lines = rows.flatMap((row, i) => [
    line(table[i]!),
    ...(row.causes ?? []).map((cause) => `    - ${cause}`),
  ]);
  const total = rows.reduce((sum, row) => sum + (row.rssBytes ?? 0), 0);
  return [line(header), ...lines, '', `total RSS ${mib(total)}`].join('\n');
}
