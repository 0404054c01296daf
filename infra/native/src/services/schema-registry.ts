// Apicurio Registry 3 (Quarkus fast-jar from Maven Central), Confluent-compatible API at
// /apis/ccompat/v7, keeping its schemas in the stack's PostgreSQL (schema `registry`).
import path from 'node:path';
import { paths, ports, stackConfig } from '../config.ts';
import { findRegistryJava } from '../artifacts/prerequisites.ts';
import { spawnService } from '../process/spawn-service.ts';
import { httpJson } from '../health/http-probe.ts';
import { componentDir } from '../artifacts/maven-artifacts.ts';
import { baseJvmFlags, serviceMarker } from './jvm.ts';
import { registrySchema } from './database-bootstrap.ts';
import type { Service } from './service.ts';

function jdbcSettings(): string[] {
  const url = new URL(stackConfig.databaseUrl);
  const port = url.port || '5432';
  const jdbcUrl = `jdbc:postgresql://${url.hostname}:${port}${url.pathname}?currentSchema=${registrySchema}`;
  return [
    `-Dapicurio.datasource.url=${jdbcUrl}`,
    `-Dapicurio.datasource.username=${decodeURIComponent(url.username)}`,
    `-Dapicurio.datasource.password=${decodeURIComponent(url.password)}`,
  ];
}

export const schemaRegistryService: Service = {
  name: 'schema-registry',
  port: ports.registry,
  logFile: path.join(paths.logs, 'schema-registry.log'),
  stopSignal: 'SIGTERM',
  async start() {
    return spawnService({
      service: 'schema-registry',
      command: await findRegistryJava(),
      args: [
        `-Xmx${stackConfig.heap.registry}`,
        ...baseJvmFlags('schema-registry'),
        `-Dquarkus.http.host=${stackConfig.host}`,
        `-Dquarkus.http.port=${ports.registry}`,
        // The management interface (health, metrics) is built in; move it off its default 0.0.0.0:9000.
        `-Dquarkus.management.host=${stackConfig.host}`,
        `-Dquarkus.management.port=${ports.registryManagement}`,
        '-Dapicurio.storage.kind=sql',
        '-Dapicurio.storage.sql.kind=postgresql',
        ...jdbcSettings(),
        '-Dapicurio.datasource.jdbc.initial-size=2',
        '-Dapicurio.datasource.jdbc.min-size=2',
        '-Dapicurio.datasource.jdbc.max-size=10',
        '-jar',
        path.join(componentDir('apicurio'), 'quarkus-run.jar'),
      ],
      marker: serviceMarker('schema-registry'),
      logFile: this.logFile,
      cwd: componentDir('apicurio'),
    });
  },
  async probe() {
    const subjects = await httpJson<string[]>(`${stackConfig.registryUrl}/subjects`);
    return `Confluent API answers, ${subjects.length} subject(s)`;
  },
};
