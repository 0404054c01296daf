import type { CatalogEntry, FlinkJob } from '../../api/types.ts';
import { formatCompact, formatDuration, formatNumber, formatTime } from '../../lib/format.ts';

export type JobAction = 'stop' | 'cancel' | 'submit';

interface Props {
  jobs: FlinkJob[];
  catalog: CatalogEntry[];
  rates: Map<string, number>;
  busy: boolean;
  onAction: (job: string, action: JobAction) => void;
}

export function JobsTable({ jobs, catalog, rates, busy, onAction }: Props) {
  const activeEntry = new Map(
    catalog.filter((entry) => entry.activeJobId).map((entry) => [entry.activeJobId!, entry]),
  );
  const stopped = catalog.filter((entry) => entry.activeJobId === null);
  return (
    <>
      {stopped.length > 0 && (
        <div className="token-form">
          <span className="muted">Not running:</span>
          {stopped.map((entry) => (
            <button
              key={entry.job}
              className="control"
              disabled={busy}
              onClick={() => onAction(entry.job, 'submit')}
            >
              Resubmit {entry.job}
            </button>
          ))}
        </div>
      )}
      <div className="scroll" style={{ maxHeight: 300 }}>
        <table className="data">
          <thead>
            <tr>
              <th className="left">Job</th>
              <th className="left">State</th>
              <th>Uptime</th>
              <th>Records in</th>
              <th>Records/s</th>
              <th>Last checkpoint</th>
              <th>Backpressure</th>
              <th>Watermark lag</th>
              <th title="Events that arrived after the watermark had closed their window (all runs)">
                Late events
              </th>
              <th className="left">Actions</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => {
              const entry = activeEntry.get(job.id);
              const rate = rates.get(job.id);
              return (
                <tr key={job.id} data-job={job.name} data-state={job.state}>
                  <td className="left">
                    <a href={job.uiLink} target="_blank" rel="noreferrer" title={`${job.id} in the Flink UI`}>
                      {job.name}
                    </a>
                  </td>
                  <td className="left">
                    <span
                      className={`badge ${['RUNNING', 'FAILED', 'FAILING'].includes(job.state) ? job.state : 'other'}`}
                    >
                      {job.state}
                    </span>
                  </td>
                  <td>{entry ? formatDuration(job.uptimeMs) : '–'}</td>
                  <td>{formatCompact(job.recordsIn)}</td>
                  <td>{rate === undefined ? '–' : formatCompact(rate)}</td>
                  <td>
                    {job.lastCheckpoint
                      ? `#${job.lastCheckpoint.id} ${formatTime(Date.parse(job.lastCheckpoint.triggeredAt))} (${formatDuration(job.lastCheckpoint.durationMs)})`
                      : '–'}
                  </td>
                  <td>{job.backpressure === null ? '–' : `${formatNumber(job.backpressure * 100, 0)} %`}</td>
                  <td>{formatDuration(job.watermarkLagMs)}</td>
                  <td
                    data-testid="late-events"
                    title={
                      job.lateEvents?.lastWrittenAt
                        ? `last counted ${job.lateEvents.lastWrittenAt}`
                        : undefined
                    }
                  >
                    {formatCompact(job.lateEvents?.count)}
                    {job.lateDroppedByWindows ? ` (+${formatCompact(job.lateDroppedByWindows)} dropped)` : ''}
                  </td>
                  <td className="left">
                    {entry && (
                      <>
                        <button
                          className="control"
                          disabled={busy}
                          onClick={() => onAction(entry.job, 'stop')}
                          title="stop with a savepoint"
                        >
                          Stop
                        </button>{' '}
                        <button
                          className="control danger"
                          disabled={busy}
                          onClick={() => onAction(entry.job, 'cancel')}
                        >
                          Cancel
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
