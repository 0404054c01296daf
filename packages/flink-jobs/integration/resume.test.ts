// A job cancelled mid-stream and submitted again resumes from its retained checkpoint, found by its name:
// the window that was open when it stopped is finished from the state, not recomputed from the events
// after the checkpoint (which overwrote a complete row with a partial one), and the alerts keep their
// baseline of preceding windows. Every row must equal the oracle over the whole stream.
import { JobManagerClient } from '@spreadwatch/flink-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlinkJobs, loadConfig, type SubmittedJob } from '../src/index.ts';
import { spreadAlerts, spreadBars, spreadMetrics, WINDOW_MS } from '../src/oracle/spread-oracle.ts';
import { removeNamespace } from '../src/testing/cleanup.ts';
import { compareRows } from '../src/testing/compare.ts';
import { readSinkTables } from '../src/testing/database.ts';
import { waitForCheckpointAfter, waitForWatermark } from '../src/testing/pipeline-state.ts';
import { produceEvents, trailingEvents } from '../src/testing/produce.ts';
import { testStream } from '../src/testing/test-stream.ts';

const startTime = Date.UTC(2026, 0, 7, 15, 0, 0);
const minutes = 9;
const watermarkDelayMs = 2_000;
const namespace = `resume_${Date.now().toString(36)}`;
const config = { ...loadConfig(), namespace, watermarkDelayMs };

describe('jobs resubmitted after a cancel mid-stream', () => {
  const flinkJobs = new FlinkJobs(config);
  const jobManager = new JobManagerClient(config.flinkRestUrl);
  const target = {
    brokers: config.kafkaBrokers,
    registryUrl: config.registryUrl,
    topic: flinkJobs.namespace.sourceTopic,
  };
  const events = testStream({ seed: 20260107, startTime, minutes, maxDelayMs: 1_500 });
  // The first run sees the stream up to 8.5 minutes: windows up to minute 7 close, minute 8 is half done.
  const cut = events.findIndex((event) => event.event_time >= startTime + 8.5 * WINDOW_MS);
  const finalWatermark = startTime + (minutes + 1) * WINDOW_MS;
  const trailing = trailingEvents(finalWatermark + watermarkDelayMs);
  const closed = (windowEnd: number): boolean => windowEnd - 1 <= finalWatermark;
  const all = [...events, ...trailing.map((item) => item.event)];
  let resumed: SubmittedJob[] = [];

  beforeAll(async () => {
    await produceEvents(target, events.slice(0, cut));
    const first = await flinkJobs.submit();
    for (const job of first) {
      await waitForWatermark(jobManager, job.jobId, startTime + 8 * WINDOW_MS);
      await waitForCheckpointAfter(jobManager, job.jobId, Date.now());
      await flinkJobs.cancel(job.name);
    }
    await produceEvents(target, [...events.slice(cut), ...trailing]);
    resumed = await flinkJobs.submit();
    for (const job of resumed) {
      await waitForWatermark(jobManager, job.jobId, finalWatermark);
      await waitForCheckpointAfter(jobManager, job.jobId, Date.now());
    }
  });

  afterAll(() => removeNamespace(flinkJobs));

  it('resumes each job from a retained checkpoint of its own name', () => {
    for (const job of resumed) {
      expect(job.submitted).toBe(true);
      expect(job.restoredFrom, job.name).toContain(`/${job.name}/checkpoints/`);
      expect(job.restoredFrom).toMatch(/\/chk-\d+$/);
    }
  });

  it('writes every window, alert and bar as the oracle computes them over the whole stream', async () => {
    const tables = await readSinkTables(config.databaseUrl, namespace);
    const expectedMetrics = spreadMetrics(all).filter((row) => closed(row.window_end));
    expect(
      compareRows(tables.metrics as never, expectedMetrics as never, ['symbol', 'window_start']),
    ).toEqual([]);
    expect(
      compareRows(tables.alerts as never, spreadAlerts(expectedMetrics) as never, [
        'symbol',
        'window_start',
        'alert_type',
      ]),
    ).toEqual([]);
    const expectedBars = spreadBars(all).filter((bar) => closed(bar.bar_end));
    expect(compareRows(tables.bars as never, expectedBars as never, ['symbol', 'bar_start'])).toEqual([]);
  });
});

describe('jobs started fresh (without state) after a cancel mid-stream', () => {
  const freshNamespace = `fresh_${Date.now().toString(36)}`;
  const freshConfig = { ...config, namespace: freshNamespace };
  const flinkJobs = new FlinkJobs(freshConfig);
  const jobManager = new JobManagerClient(freshConfig.flinkRestUrl);
  const target = {
    brokers: freshConfig.kafkaBrokers,
    registryUrl: freshConfig.registryUrl,
    topic: flinkJobs.namespace.sourceTopic,
  };
  const events = testStream({ seed: 20260109, startTime, minutes, maxDelayMs: 1_500 });
  const cut = events.findIndex((event) => event.event_time >= startTime + 8.5 * WINDOW_MS);
  const finalWatermark = startTime + (minutes + 1) * WINDOW_MS;
  const trailing = trailingEvents(finalWatermark + watermarkDelayMs);
  const closed = (windowEnd: number): boolean => windowEnd - 1 <= finalWatermark;
  const all = [...events, ...trailing.map((item) => item.event)];
  let fresh: SubmittedJob[] = [];

  beforeAll(async () => {
    await produceEvents(target, events.slice(0, cut));
    for (const job of await flinkJobs.submit()) {
      await waitForWatermark(jobManager, job.jobId, startTime + 8 * WINDOW_MS);
      await waitForCheckpointAfter(jobManager, job.jobId, Date.now());
      await flinkJobs.cancel(job.name);
    }
    await produceEvents(target, [...events.slice(cut), ...trailing]);
    fresh = await flinkJobs.submit({ fresh: true });
    for (const job of fresh) {
      await waitForWatermark(jobManager, job.jobId, finalWatermark);
      await waitForCheckpointAfter(jobManager, job.jobId, Date.now());
    }
  });

  afterAll(() => removeNamespace(flinkJobs));

  it('starts after the newest window each table holds', () => {
    const metrics = fresh.find((job) => job.name.endsWith('spread-metrics'));
    expect(metrics?.restoredFrom).toBeUndefined();
    expect(metrics?.freshFrom).toBe('2026-01-07 15:08:00.000');
  });

  it('never rewrites a finished window with part of it: every window and bar equals the oracle', async () => {
    const tables = await readSinkTables(freshConfig.databaseUrl, freshNamespace);
    const expectedMetrics = spreadMetrics(all).filter((row) => closed(row.window_end));
    expect(
      compareRows(tables.metrics as never, expectedMetrics as never, ['symbol', 'window_start']),
    ).toEqual([]);
    const expectedBars = spreadBars(all).filter((bar) => closed(bar.bar_end));
    expect(compareRows(tables.bars as never, expectedBars as never, ['symbol', 'bar_start'])).toEqual([]);
  });
});
