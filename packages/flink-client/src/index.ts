export { FlinkRestError, rootCause, sleep } from './http.ts';
export { SqlGatewaySession, SqlStatementError } from './sql-gateway.ts';
export type { SqlGatewayOptions, StatementResult } from './sql-gateway.ts';
export { ACTIVE_JOB_STATES, JobManagerClient } from './job-manager.ts';
export type { CheckpointStats, JobDetail, JobOverview, JobState, JobVertex } from './job-manager.ts';
