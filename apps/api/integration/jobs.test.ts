// The Flink control routes on the real cluster, in a namespace of this file: list, detail, submit from the
// catalog by name, stop with savepoint, cancel, and the bearer token of the mutating routes.
import { FlinkJobs } from '@spreadwatch/flink-jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, build, createNamespace, testConfig, uniqueNamespace } from './helper.ts';

const config = testConfig(uniqueNamespace('api_jobs'));
const jobs = new FlinkJobs(config.flinkJobs);
let dropNamespace: () => Promise<void>;

beforeAll(async () => {
  dropNamespace = await createNamespace(config);
});
afterAll(async () => {
  for (const job of jobs.definitions()) await jobs.cancel(job.job);
  await dropNamespace();
});

const barsJob = `spreadwatch-${config.schema}-spread-bars-1s`;

describe(`job control routes (namespace ${config.schema})`, () => {
  it('refuses the mutating routes without the right bearer token, before anything else', async () => {
    const app = await build(config);
    for (const action of ['submit', 'stop', 'cancel']) {
      for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: 'Basic dGVzdA==' }]) {
        const response = await app.inject({
          method: 'POST',
          url: `/api/jobs/catalog/nope/${action}`,
          headers,
        });
        expect([action, response.statusCode]).toEqual([action, 401]);
        expect(response.headers['www-authenticate']).toBe('Bearer');
        expect(response.json().message).toMatch(/Authorization: Bearer/);
      }
    }
  });

  it('lists the catalog and answers unknown names and ids with 404, malformed ones with 400', async () => {
    const app = await build(config);
    const catalog = (await app.inject('/api/jobs/catalog')).json().items;
    expect(catalog.map((entry: { job: string }) => entry.job)).toEqual(['spread-metrics', 'spread-bars-1s']);
    expect(catalog[1]).toEqual({
      job: 'spread-bars-1s',
      name: barsJob,
      activeJobId: null,
      activeState: null,
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/jobs/catalog/drop-tables/submit',
      headers: auth,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe(
      'unknown job "drop-tables": the catalog (flink-sql/) has spread-metrics, spread-bars-1s',
    );
    expect(
      (await app.inject({ method: 'POST', url: '/api/jobs/catalog/DROP%20TABLE/submit', headers: auth }))
        .statusCode,
    ).toBe(400);
    expect((await app.inject('/api/jobs/0123456789abcdef0123456789abcdef')).statusCode).toBe(404);
    expect((await app.inject('/api/jobs/not-an-id')).json().message).toMatch(/jobId must match pattern/);
    expect((await app.inject('/api/jobs?limit=101')).json().message).toMatch(/limit must be <= 100/);
    const notRunning = await app.inject({
      method: 'POST',
      url: '/api/jobs/catalog/spread-bars-1s/cancel',
      headers: auth,
    });
    expect(notRunning.statusCode).toBe(409);
    expect(notRunning.json().message).toBe('job "spread-bars-1s" is not running');
  });

  it('submits a catalog job by name, lists it with its status, shows its detail, stops it with a savepoint', async () => {
    const app = await build(config);
    const submit = await app.inject({
      method: 'POST',
      url: '/api/jobs/catalog/spread-bars-1s/submit',
      headers: auth,
    });
    expect(submit.statusCode).toBe(200);
    const { jobId } = submit.json();
    expect(submit.json()).toMatchObject({ name: barsJob, submitted: true });
    await jobs.jobManager.waitUntilRunning(jobId, 150_000);

    const listed = (await app.inject('/api/jobs')).json().items;
    expect(listed).toEqual([
      expect.objectContaining({ id: jobId, name: barsJob, state: 'RUNNING', recordsIn: 0, recordsOut: 0 }),
    ]);
    expect(listed[0].uptimeMs).toBeGreaterThan(0);
    expect(Date.parse(listed[0].startTime)).toBeLessThanOrEqual(Date.now());
    const detail = (await app.inject(`/api/jobs/${jobId}`)).json();
    expect(detail).toMatchObject({ id: jobId, state: 'RUNNING', checkpoints: { failed: 0 } });
    expect(detail.vertices.length).toBeGreaterThan(0);
    // Metrics appear a few seconds after the tasks start: until then backpressure is null.
    expect(detail.vertices[0]).toMatchObject({
      status: 'RUNNING',
      name: expect.stringMatching(/^Source: market_event_messages/),
    });
    expect(detail.vertices[0]).toHaveProperty('backpressure');

    const again = await app.inject({
      method: 'POST',
      url: '/api/jobs/catalog/spread-bars-1s/submit',
      headers: auth,
    });
    expect(again.json()).toMatchObject({ jobId, submitted: false });

    const stop = await app.inject({
      method: 'POST',
      url: '/api/jobs/catalog/spread-bars-1s/stop',
      headers: auth,
    });
    expect(stop.statusCode).toBe(200);
    expect(stop.json()).toMatchObject({ jobId, savepoint: expect.stringMatching(/savepoint-/) });
    expect((await app.inject(`/api/jobs/${jobId}`)).json().state).toBe('FINISHED');
  });

  it('resumes a job from a savepoint and cancels it', async () => {
    const app = await build(config);
    const first = (
      await app.inject({ method: 'POST', url: '/api/jobs/catalog/spread-bars-1s/submit', headers: auth })
    ).json();
    await jobs.jobManager.waitUntilRunning(first.jobId, 150_000);
    const { savepoint } = (
      await app.inject({ method: 'POST', url: '/api/jobs/catalog/spread-bars-1s/stop', headers: auth })
    ).json();
    const resumed = await app.inject({
      method: 'POST',
      url: `/api/jobs/catalog/spread-bars-1s/submit?fromSavepoint=${encodeURIComponent(savepoint)}`,
      headers: auth,
    });
    const { jobId } = resumed.json();
    await jobs.jobManager.waitUntilRunning(jobId, 150_000);
    expect((await jobs.jobManager.checkpoints(jobId)).latest.restored).toMatchObject({
      is_savepoint: true,
      external_path: savepoint,
    });
    const cancel = await app.inject({
      method: 'POST',
      url: '/api/jobs/catalog/spread-bars-1s/cancel',
      headers: auth,
    });
    expect(cancel.json()).toEqual({ canceled: [jobId] });
    expect((await app.inject(`/api/jobs/${jobId}`)).json().state).toBe('CANCELED');
  });
});
