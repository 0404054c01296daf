// Every server of the native stack, in start order (stop runs in reverse).
import { postgresService } from './postgres.ts';
import { kafkaService } from './kafka.ts';
import { schemaRegistryService } from './schema-registry.ts';
import { jobManagerService, sqlGatewayService, taskManagerService } from './flink.ts';
import { stackConfig } from '../config.ts';
import type { Service } from './service.ts';

export type { Service } from './service.ts';

export function stackServices(): Service[] {
  const all = [postgresService, kafkaService, schemaRegistryService, jobManagerService, taskManagerService, sqlGatewayService];
  return stackConfig.externalDatabaseUrl ? all.filter((service) => service !== postgresService) : all;
}
