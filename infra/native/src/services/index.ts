// Every process `make up` runs, in start order (stop runs in reverse): the servers of the stack, then
// Spreadwatch's own API and producer.
import { postgresService } from './postgres.ts';
import { kafkaService } from './kafka.ts';
import { schemaRegistryService } from './schema-registry.ts';
import { jobManagerService, sqlGatewayService, taskManagerServices } from './flink.ts';
import { apiService, jobKeeperService, producerService } from './app-services.ts';
import { stackConfig } from '../config.ts';
import type { Service } from './service.ts';

export type { Service } from './service.ts';
export { jobKeeperService } from './app-services.ts';

/**
 * The servers: PostgreSQL (unless DATABASE_URL names another), Kafka, the registry, Flink, and the job keeper
 * that brings back the Flink jobs (started once the servers are healthy).
 */
export function stackServices(): Service[] {
  const all = [
    postgresService,
    kafkaService,
    schemaRegistryService,
    jobManagerService,
    ...taskManagerServices(stackConfig.taskManagers),
    sqlGatewayService,
    jobKeeperService,
  ];
  return stackConfig.externalDatabaseUrl ? all.filter((service) => service !== postgresService) : all;
}

export const appServices: Service[] = [apiService, producerService];

export function systemServices(): Service[] {
  return [...stackServices(), ...appServices];
}
