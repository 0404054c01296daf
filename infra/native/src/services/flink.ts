// An Apache Flink session cluster from the Maven Central modules: JobManager (REST + web UI), one
// or more TaskManagers (SPREADWATCH_TASKMANAGERS), and the SQL Gateway, all on one classpath. What flink-dist's bin scripts would do (JVM
// module flags, memory sizing, log file) is done here, with the settings in infra/native/flink/conf.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { inheritedEnv, javaBinary, nativeDir, paths, ports, stackConfig } from '../config.ts';
import { runOrThrow } from '../process/run-command.ts';
import { httpJson } from '../health/http-probe.ts';
import { baseJvmFlags, classpath } from './jvm.ts';
import type { LaunchSpec, Service } from './service.ts';

export const flinkConfDir = path.join(nativeDir, 'flink/conf');
const flinkData = path.join(paths.data, 'flink');

/** Settings that depend on the environment, layered over config.yaml as dynamic properties. */
export function flinkDynamicProperties(): Record<string, string> {
  return {
    'rest.port': String(ports.flinkRest),
    'jobmanager.rpc.port': String(ports.flinkRpc),
    'blob.server.port': String(ports.flinkBlob),
    'sql-gateway.endpoint.rest.port': String(ports.sqlGateway),
    'execution.checkpointing.dir': `file://${path.join(flinkData, 'checkpoints')}`,
    'execution.checkpointing.savepoint-dir': `file://${path.join(flinkData, 'savepoints')}`,
    'web.tmpdir': path.join(paths.tmp, 'flink-web'),
  };
}

function dynamicArgs(extra: Record<string, string> = {}): string[] {
  return Object.entries({ ...flinkDynamicProperties(), ...extra }).flatMap(([key, value]) => ['-D', `${key}=${value}`]);
}

/** The JDK module flags from config.yaml's env.java.opts.all. */
function moduleFlags(): string[] {
  const config = parse(readFileSync(path.join(flinkConfDir, 'config.yaml'), 'utf8')) as {
    env?: { java?: { opts?: { all?: string } } };
  };
  return (config.env?.java?.opts?.all ?? '').split(/\s+/).filter(Boolean);
}

function flinkJvm(service: string, logFile: string): string[] {
  const tmp = path.join(paths.tmp, service);
  mkdirSync(tmp, { recursive: true });
  return [
    ...baseJvmFlags(service),
    ...moduleFlags(),
    `-Dlog.file=${logFile}`,
    `-Dlog4j.configurationFile=file:${path.join(flinkConfDir, 'log4j2.properties')}`,
    `-Dlog4j2.configurationFile=file:${path.join(flinkConfDir, 'log4j2.properties')}`,
    '-cp',
    classpath('flink'),
  ];
}

/**
 * Flink's own memory calculator (what the bin scripts call): for a process size in config.yaml it returns
 * the JVM flags (-Xmx, -XX:MaxDirectMemorySize, ...) and the derived memory settings as -D options.
 */
async function resourceParams(kind: 'GET_JM_RESOURCE_PARAMS' | 'GET_TM_RESOURCE_PARAMS'): Promise<{ jvm: string[]; dynamic: string[] }> {
  const output = await runOrThrow(javaBinary(), [
    ...moduleFlags(),
    '-cp', classpath('flink'),
    'org.apache.flink.runtime.util.bash.BashJavaUtils', kind,
    '--configDir', flinkConfDir,
    ...dynamicArgs(),
  ]);
  const results = output
    .filter((line) => line.startsWith('BASH_JAVA_UTILS_EXEC_RESULT:'))
    .map((line) => line.slice('BASH_JAVA_UTILS_EXEC_RESULT:'.length).trim());
  if (results.length < 2) throw new Error(`Flink's BashJavaUtils ${kind} gave no result:\n${output.slice(-10).join('\n')}`);
  const split = (text: string): string[] => text.split(/\s+/).filter(Boolean);
  return { jvm: split(results[results.length - 2]!), dynamic: split(results[results.length - 1]!) };
}

async function flinkOverview(): Promise<{ taskmanagers: number; 'slots-total': number; 'flink-version': string }> {
  return httpJson(`${stackConfig.flinkRestUrl}/overview`);
}

/** A JobManager or TaskManager: memory flags from Flink's calculator, then the entrypoint on config.yaml. */
async function clusterProcess(
  service: Pick<Service, 'name' | 'logFile'>,
  resources: 'GET_JM_RESOURCE_PARAMS' | 'GET_TM_RESOURCE_PARAMS',
  mainClass: string,
  extraProperties: Record<string, string> = {},
): Promise<LaunchSpec> {
  const params = await resourceParams(resources);
  return {
    command: javaBinary(),
    args: [
      ...params.jvm,
      ...flinkJvm(service.name, service.logFile),
      mainClass,
      '--configDir', flinkConfDir,
      ...params.dynamic,
      ...dynamicArgs(extraProperties),
    ],
  };
}

export const jobManagerService: Service = {
  name: 'flink-jobmanager',
  port: ports.flinkRest,
  binds: [ports.flinkRest, ports.flinkRpc, ports.flinkBlob],
  logFile: path.join(paths.logs, 'flink-jobmanager.log'),
  launch() {
    // No `--executionMode`: Flink 2's parser stops at it and drops every -D option that follows.
    return clusterProcess(this, 'GET_JM_RESOURCE_PARAMS', 'org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint');
  },
  async probe() {
    const overview = await flinkOverview();
    return `Flink ${overview['flink-version']}, REST and web UI up`;
  },
};

/**
 * The TaskManagers (SPREADWATCH_TASKMANAGERS): the first is `flink-taskmanager`, the others
 * `flink-taskmanager-2`, ... Each is healthy once the JobManager has that many registered.
 */
export function taskManagerServices(count: number): Service[] {
  return Array.from({ length: count }, (_, index): Service => {
    const name = index === 0 ? 'flink-taskmanager' : `flink-taskmanager-${index + 1}`;
    return {
      name,
      port: ports.flinkRest,
      // Its RPC and data ports are ephemeral.
      binds: [],
      logFile: path.join(paths.logs, `${name}.log`),
      launch() {
        return clusterProcess(this, 'GET_TM_RESOURCE_PARAMS', 'org.apache.flink.runtime.taskexecutor.TaskManagerRunner', {
          'io.tmp.dirs': path.join(paths.tmp, name),
        });
      },
      async probe() {
        const overview = await flinkOverview();
        if (overview.taskmanagers < index + 1) {
          throw new Error(`${overview.taskmanagers} of ${count} TaskManagers registered with the JobManager`);
        }
        return `${overview.taskmanagers} TaskManager(s), ${overview['slots-total']} slots`;
      },
    };
  });
}

export const sqlGatewayService: Service = {
  name: 'flink-sql-gateway',
  port: ports.sqlGateway,
  binds: [ports.sqlGateway],
  logFile: path.join(paths.logs, 'flink-sql-gateway.log'),
  async launch() {
    return {
      command: javaBinary(),
      args: [
        `-Xmx${stackConfig.heap.sqlGateway}`,
        ...flinkJvm(this.name, this.logFile),
        'org.apache.flink.table.gateway.SqlGateway',
        ...Object.entries(flinkDynamicProperties()).map(([key, value]) => `-D${key}=${value}`),
      ],
      // The gateway finds config.yaml only through FLINK_CONF_DIR.
      env: { ...inheritedEnv, FLINK_CONF_DIR: flinkConfDir },
    };
  },
  async probe() {
    const base = stackConfig.sqlGatewayUrl;
    const session = await httpJson<{ sessionHandle: string }>(`${base}/v3/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionName: 'spreadwatch-health' }),
    });
    await httpJson(`${base}/v3/sessions/${session.sessionHandle}`, { method: 'DELETE' });
    return 'session opened and closed';
  },
};
