// infra/docker-compose.yml must offer the same components, versions and ports as the native stack.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultPorts as ports, nativeDir } from './config.ts';
import { jobKeeperService, stackServices } from './services/index.ts';

interface ComposeService {
  image?: string;
  ports?: string[];
}
const compose = parse(readFileSync(path.join(nativeDir, '../docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

function pomProperty(component: string, property: string): string {
  const pom = readFileSync(path.join(nativeDir, component, 'pom.xml'), 'utf8');
  const match = new RegExp(`<${property}>([^<]+)</${property}>`).exec(pom);
  if (!match?.[1]) throw new Error(`${component}/pom.xml has no <${property}>`);
  return match[1];
}

describe('docker-compose.yml against the native stack', () => {
  it('runs every native service under the same name', () => {
    // The job keeper is Spreadwatch's own process, like the API: compose runs the servers.
    const native = stackServices()
      .filter((service) => service !== jobKeeperService)
      .map((service) => service.name);
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(native));
  });

  it('publishes the native ports', () => {
    const published = (name: string): string[] => compose.services[name]?.ports ?? [];
    expect(published('postgres')).toContain(`127.0.0.1:${ports.postgres}:5432`);
    expect(published('kafka')).toContain(`127.0.0.1:${ports.kafka}:9092`);
    expect(published('schema-registry')).toContain(`127.0.0.1:${ports.registry}:8085`);
    expect(published('flink-jobmanager')).toContain(`127.0.0.1:${ports.flinkRest}:8081`);
    expect(published('flink-sql-gateway')).toContain(`127.0.0.1:${ports.sqlGateway}:8083`);
  });

  it('pins the versions the pom files fetch', () => {
    expect(compose.services.kafka?.image).toBe(`apache/kafka:${pomProperty('kafka', 'kafka.version')}`);
    expect(compose.services['schema-registry']?.image).toBe(
      `apicurio/apicurio-registry:${pomProperty('apicurio', 'apicurio.version')}`,
    );
    for (const name of ['flink-jobmanager', 'flink-taskmanager', 'flink-sql-gateway']) {
      expect(compose.services[name]?.image).toBe(`flink:${pomProperty('flink', 'flink.version')}-java17`);
    }
  });
});
