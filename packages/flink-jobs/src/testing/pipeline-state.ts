// Reading a running job's progress: the watermark its operators have reached, and the completed
// checkpoint after which the JDBC sinks have flushed everything up to that watermark.
import { sleep, type JobManagerClient } from '@spreadwatch/flink-client';

/** Waits until every operator after the source has seen the watermark reach `watermark` (epoch ms). */
export async function waitForWatermark(
  jobManager: JobManagerClient,
  jobId: string,
  watermark: number,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const { vertices } = await jobManager.job(jobId);
  for (;;) {
    const marks = (
      await Promise.all(vertices.slice(1).map((vertex) => jobManager.vertexWatermarks(jobId, vertex.id)))
    ).flat();
    if (marks.length > 0 && marks.every((mark) => mark >= watermark)) return;
    if (Date.now() > deadline)
      throw new Error(
        `job ${jobId}: watermarks ${marks.join(', ')} below ${watermark} after ${timeoutMs} ms`,
      );
    await sleep(200);
  }
}

/** Waits for a checkpoint triggered after `since` to complete; sinks flush their buffers on checkpoints. */
export async function waitForCheckpointAfter(
  jobManager: JobManagerClient,
  jobId: string,
  since: number,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const latest = (await jobManager.checkpoints(jobId)).latest.completed;
    if (latest && latest.trigger_timestamp > since) return;
    if (Date.now() > deadline)
      throw new Error(`job ${jobId}: no checkpoint completed within ${timeoutMs} ms`);
    await sleep(250);
  }
}
