// Apicurio Registry 3 (Quarkus fast-jar from Maven Central), Confluent-compatible API at
// /apis/ccompat/v7, keeping its schemas in the stack's PostgreSQL (schema `registry`).
import path from 'node:path';
import { inheritedEnv, paths, ports, stackConfig } from '../config.ts';
import { findRegistryJava } from '../artifacts/prerequisites.ts';
import { httpJson } from '../health/http-probe.ts';
import { componentDir } from '../artifacts/maven-artifacts.ts';
import { baseJvmFlags } from './jvm.ts';
import { registrySchema } from './database-bootstrap.ts';
import type { Service } from './service.ts';

function jdbcUrl(): string {
  const url = new URL(stackConfig.databaseUrl);
  return `jdbc:postgresql://${url.hostname}:${url.port || '5432'}${url.pathname}?currentSchema=${registrySchema}`;
}

/** The datasource credentials go in the environment: a command line is readable by every local user. */
function credentialsEnv(): NodeJS.ProcessEnv {
  const url = new URL(stackConfig.databaseUrl);
  return {
    ...inheritedEnv,
    APICURIO_DATASOURCE_USERNAME: decodeURIComponent(url.username),
    APICURIO_DATASOURCE_PASSWORD: decodeURIComponent(url.password),
  };
}

export const schemaRegistryService: Service = {
  name: 'schema-registry',
  port: ports.registry,
  binds: [ports.registry, ports.registryManagement],
  logFile: path.join(paths.logs, 'schema-registry.log'),
  async launch() {
    return {
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
        `-Dapicurio.datasource.url=${jdbcUrl()}`,
        '-Dapicurio.datasource.jdbc.initial-size=2',
        '-Dapicurio.datasource.jdbc.min-size=2',
        '-Dapicurio.datasource.jdbc.max-size=10',
        '-jar',
        path.join(componentDir('apicurio'), 'quarkus-run.jar'),
      ],
      cwd: componentDir('apicurio'),
      env: credentialsEnv(),
    };
  },
  async probe() {
    const subjects = await httpJson<string[]>(`${stackConfig.registryUrl}/subjects`);
    return `Confluent API answers, ${subjects.length} subject(s)`;
  },
};
