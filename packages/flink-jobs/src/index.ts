export { loadConfig, type FlinkJobsConfig } from './config.ts';
export { flinkSqlDir, loadJobs, placeholderValues, type JobDefinition } from './catalog.ts';
export { jobName, resolveNamespace, type Namespace } from './namespace.ts';
export { FlinkJobs, JobSqlError, type SubmitOptions, type SubmittedJob } from './submit.ts';
