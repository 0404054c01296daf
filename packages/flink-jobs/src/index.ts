export { loadConfig, type FlinkJobsConfig } from './config.ts';
export {
  catalogJobNames,
  flinkSqlDir,
  loadJobs,
  parseJobName,
  placeholderValues,
  type JobDefinition,
} from './catalog.ts';
export { jobName, resolveNamespace, type Namespace } from './namespace.ts';
export { FlinkJobs, JobSqlError, type SubmitOptions, type SubmittedJob } from './submit.ts';
export { JobKeeper, readKeptJobs, keptJobsFile, type KeeperEvent, type KeptJob } from './keeper.ts';
