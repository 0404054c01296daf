// `make status`: each service with its pid, health (its protocol probe), restarts and last exit (from the
// supervisor) and resident memory; for the API, its readiness (/readyz) with every cause that keeps it from
// being ready listed under its line.
import { ports, stackConfig } from '../config.ts';
import { runningProcess } from '../process/pid-file.ts';
import { describeExit, type LastExit } from '../process/last-exit.ts';
import { supervisedProcesses, type SupervisedProcess } from '../process/supervisor.ts';
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
  /** Restarts by the supervisor since `up` started it; undefined when it runs unsupervised (or not at all). */
  restarts?: number;
  /** How it last exited, once it has been restarted. */
  lastExit?: LastExit;
  /** Why a running service is not ready (the API's /readyz causes). */
  causes?: string[];
}

type Base = Pick<ServiceStatus, 'name' | 'port' | 'logFile' | 'pid' | 'restarts' | 'lastExit'>;

/** Its process: the supervisor's, else one an older version started without it (a pid file). */
function processStatus(
  service: Service,
  supervised: Map<string, SupervisedProcess>,
): { base: Base; down?: string } {
  const base = { name: service.name, port: service.port, logFile: service.logFile };
  const proc = supervised.get(service.name);
  if (proc) {
    const withCounts = { ...base, pid: proc.pid, restarts: proc.restarts, lastExit: proc.lastExit };
    return proc.pid === undefined
      ? { base: withCounts, down: `not running (${proc.status})` }
      : { base: withCounts };
  }
  const record = runningProcess(service.name);
  return record ? { base: { ...base, pid: record.pid } } : { base, down: 'not running' };
}

export async function serviceStatus(
  service: Service,
  supervised: Map<string, SupervisedProcess>,
): Promise<ServiceStatus> {
  const { base, down } = processStatus(service, supervised);
  if (down !== undefined || base.pid === undefined)
    return { ...base, healthy: false, detail: down ?? 'not running' };
  try {
    return { ...base, healthy: true, detail: await service.probe(), rssBytes: rssBytes(base.pid) };
  } catch (error) {
    return {
      ...base,
      healthy: false,
      detail: error instanceof Error ? error.message : String(error),
      rssBytes: rssBytes(base.pid),
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

async function apiStatus(
  service: Service,
  supervised: Map<string, SupervisedProcess>,
): Promise<ServiceStatus> {
  const { base, down } = processStatus(service, supervised);
  if (down !== undefined || base.pid === undefined) {
    return {
      ...base,
      healthy: false,
      detail: `${down ?? 'not running'}: the API is down, readiness unknown`,
    };
  }
  const readiness = await apiReadiness(`http://${stackConfig.host}:${ports.api}`);
  return { ...base, ...readiness, rssBytes: rssBytes(base.pid) };
}

/** The servers only (what the integration tests need). */
export async function stackStatus(): Promise<ServiceStatus[]> {
  const supervised = await supervisedProcesses();
  return Promise.all(stackServices().map((service) => serviceStatus(service, supervised)));
}

/** Every process of `make up`. */
export async function systemStatus(): Promise<ServiceStatus[]> {
  const supervised = await supervisedProcesses();
  return Promise.all(
    systemServices().map((service) =>
      service === apiService ? apiStatus(service, supervised) : serviceStatus(service, supervised),
    ),
  );
}

const mib = (bytes: number | undefined): string =>
  bytes === undefined ? '-' : `${Math.round(bytes / 2 ** 20)} MiB`;

function health(row: ServiceStatus): string {
  if (row.healthy) return 'healthy';
  return row.causes?.length ? 'NOT READY' : 'DOWN';
}

/** "SIGKILL 02:17:52": how and when (PM2's log time, date left out) it last exited. */
function lastExit(row: ServiceStatus): string {
  return row.lastExit ? `${describeExit(row.lastExit)} ${row.lastExit.at.slice(11)}` : '-';
}

export function formatStatus(rows: ServiceStatus[]): string {
  const header = ['SERVICE', 'PID', 'PORT', 'HEALTH', 'RESTARTS', 'LAST EXIT', 'RSS', 'DETAIL'];
  const table = rows.map((row) => [
    row.name,
    row.pid === undefined ? '-' : String(row.pid),
    String(row.port),
    health(row),
    row.restarts === undefined ? '-' : String(row.restarts),
    lastExit(row),
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
