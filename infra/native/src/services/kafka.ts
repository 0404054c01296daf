// Apache Kafka, one node in KRaft combined mode (broker + controller), from the Maven Central jars.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { javaBinary, nativeDir, paths, ports, stackConfig } from '../config.ts';
import { log } from '../log.ts';
import { runOrThrow } from '../process/run-command.ts';
import { probeKafka } from '../health/kafka-probe.ts';
import { baseJvmFlags, classpath } from './jvm.ts';
import type { Service } from './service.ts';

const confDir = path.join(nativeDir, 'kafka/conf');
const dataDir = path.join(paths.data, 'kafka');
const renderedConfig = path.join(paths.run, 'kafka-server.properties');

/** The committed server.properties with the environment's ports and the state folder applied. */
function renderConfig(): void {
  const { host } = stackConfig;
  const overrides: Record<string, string> = {
    'log.dirs': dataDir,
    listeners: `PLAINTEXT://${host}:${ports.kafka},CONTROLLER://${host}:${ports.kafkaController}`,
    'advertised.listeners': `PLAINTEXT://${host}:${ports.kafka}`,
    'controller.quorum.bootstrap.servers': `${host}:${ports.kafkaController}`,
  };
  const lines = readFileSync(path.join(confDir, 'server.properties'), 'utf8')
    .split('\n')
    .filter((line) => !Object.keys(overrides).some((key) => line.startsWith(`${key}=`)));
  lines.push('# set by the native stack', ...Object.entries(overrides).map(([key, value]) => `${key}=${value}`));
  mkdirSync(paths.run, { recursive: true });
  writeFileSync(renderedConfig, lines.join('\n') + '\n');
}

function kafkaJvm(service: string, logFile: string): string[] {
  return [
    ...baseJvmFlags(service),
    `-Dlog4j2.configurationFile=${path.join(confDir, 'log4j2.yaml')}`,
    `-Dkafka.log.file=${logFile}`,
    '-cp',
    classpath('kafka'),
  ];
}

/** Formats the storage once; a formatted directory keeps its data across restarts. */
async function formatStorage(logFile: string): Promise<void> {
  if (existsSync(path.join(dataDir, 'meta.properties'))) return;
  mkdirSync(dataDir, { recursive: true });
  // A Kafka cluster id is a base64url-encoded random 16-byte UUID.
  const clusterId = randomBytes(16).toString('base64url');
  log.detail('kafka', `formatting storage in ${dataDir} (cluster id ${clusterId})`);
  await runOrThrow(javaBinary(), [
    ...kafkaJvm('kafka-storage-format', logFile),
    'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', renderedConfig, '--standalone',
  ]);
}

export const kafkaService: Service = {
  name: 'kafka',
  port: ports.kafka,
  binds: [ports.kafka, ports.kafkaController],
  logFile: path.join(paths.logs, 'kafka.log'),
  async launch() {
    renderConfig();
    await formatStorage(this.logFile);
    return {
      command: javaBinary(),
      args: [
        `-Xms${stackConfig.heap.kafka}`,
        `-Xmx${stackConfig.heap.kafka}`,
        ...kafkaJvm('kafka', this.logFile),
        'kafka.Kafka',
        renderedConfig,
      ],
    };
  },
  probe: () => probeKafka(stackConfig.kafkaBrokers),
};
