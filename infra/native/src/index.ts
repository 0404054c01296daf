// What other workspaces use from the native stack: its endpoints and the test helpers' building blocks.
export { stackConfig, ports, paths } from './config.ts';
export { stackStatus, type ServiceStatus } from './commands/status.ts';
export { startSupervisedProcess, stopSupervisedProcess, supervisedProcess } from './process/supervisor.ts';
