import type { FlinkJob } from '../../api/types.ts';
import { formatCompact, formatDuration, formatTime } from '../../lib/format.ts';

export type JobAction = 'stop' | 'cancel' | 'resubmit';

const ACTIVE = new Set(['RUNNING', 'CREATED', 'INITIALIZING', 'RESTARTING', 'FAILING']);

interface Props {
  jobs: FlinkJob[];
  busy: string | undefined;
  onAction: (job: FlinkJob, action: JobAction) => void;
}

export function JobsTable({ jobs, busy, onAction }: Props) {
  return (
    <div className="scroll" style={{ maxHeight: 300 }}>
      <table className="data">
        <thead>
          <tr>
            <th className="left">Job</th>
            <th className="left">State</th>
            <th>Uptime</th>
            <th>Records in</th>
            <th>In/s</th>
            <th>Last checkpoint</th>
            <th>Backpressure</th>
            <th>Watermark lag</th>
            <th className="left">Actions</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => {
            const active = ACTIVE.has(job.state);
            return (
              <tr key={job.id} data-job={job.name} data-state={job.state}>
                <td className="left">
                  <a href={job.uiUrl} target="_blank" rel="noreferrer" title={job.id}>
                    {job.name}
                  </a>
                </td>
                <td className="left">
                  <span className={`badge ${['RUNNING', 'FAILED', 'FAILING'].includes(job.state) ? job.state : 'other'}`}>{job.state}</span>
                </td>
                <td>{active ? formatDuration(job.uptimeMs) : '–'}</td>
                <td>{formatCompact(job.recordsIn)}</td>
                <td>{job.recordsInPerSecond === null ? '–' : formatCompact(job.recordsInPerSecond)}</td>
                <td>
                  {job.lastCheckpoint
                    ? `${formatTime(Date.parse(job.lastCheckpoint.completedAt))} (${formatDuration(job.lastCheckpoint.durationMs)})`
                    : '–'}
                </td>
                <td>{job.backpressure ?? '–'}</td>
                <td>{formatDuration(job.watermarkLagMs)}</td>
                <td className="left">
                  {active ? (
                    <>
                      <button className="control" disabled={busy !== undefined} onClick={() => onAction(job, 'stop')} title="stop with a savepoint">
                        Stop
                      </button>{' '}
                      <button className="control danger" disabled={busy !== undefined} onClick={() => onAction(job, 'cancel')}>
                        Cancel
                      </button>
                    </>
                  ) : (
                    job.catalogName && (
                      <button className="control" disabled={busy !== undefined} onClick={() => onAction(job, 'resubmit')}>
                        Resubmit
                      </button>
                    )
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
