// What tests and benchmarks of other workspaces use to drive the jobs: deterministic streams, producing
// them, the oracle, reading the sink tables, waiting on a job's progress, and cleaning up a namespace.
export { spreadAlerts, spreadBars, spreadMetrics, WINDOW_MS } from '../oracle/spread-oracle.ts';
export { removeNamespace } from './cleanup.ts';
export { compareRows } from './compare.ts';
export { readSinkTables } from './database.ts';
export { waitForCheckpointAfter, waitForWatermark } from './pipeline-state.ts';
export { produceEvents, trailingEvents } from './produce.ts';
export { testStream } from './test-stream.ts';
