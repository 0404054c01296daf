import { Panel, QueryView } from '../../app/Panel.tsx';
import type { DeadLetter, JobLateEvents } from '../../api/types.ts';
import { formatCompact, formatTime } from '../../lib/format.ts';
import { kafkaCoordinates, reasonBars, reasonLabel } from './data-quality.ts';
import { RANGE_MINUTES, useDataQuality, type DataQuality } from './use-data-quality.ts';

const time = (iso: string | null): string => (iso === null ? '–' : formatTime(Date.parse(iso)));

export function DataQualityPanel() {
  const query = useDataQuality();
  const rejected = query.data ? reasonBars(query.data.rejects).total : undefined;
  const late = query.data?.late.reduce((sum, job) => sum + job.count, 0);

  return (
    <Panel
      title="Data quality"
      testId="data-quality"
      className="span-12"
      actions={
        rejected !== undefined && (
          <span className="muted mono" data-testid="data-quality-summary">
            last {RANGE_MINUTES} min: {rejected} rejected · {late} late
          </span>
        )
      }
    >
      <QueryView
        {...query}
        isEmpty={(view) =>
          view.rejects.length === 0 && view.deadLetters.length === 0 && view.late.length === 0
        }
        emptyText={`No rejected or late events (rejects and windows of the last ${RANGE_MINUTES} minutes).`}
      >
        {(view) => <DataQualityView {...view} />}
      </QueryView>
    </Panel>
  );
}

function DataQualityView({ rejects, deadLetters, late }: DataQuality) {
  const { bars } = reasonBars(rejects);
  return (
    <div className="data-quality">
      <section aria-label="Rejected by reason">
        <h3 className="section-title">Rejected by reason</h3>
        {bars.length === 0 ? (
          <p className="muted">None written in the last {RANGE_MINUTES} minutes.</p>
        ) : (
          <ul className="reason-bars">
            {bars.map((bar) => (
              <li key={bar.reason} data-reason={bar.reason} title={bar.reason}>
                <span className="reason-label">{bar.label}</span>
                <span className="reason-bar" style={{ width: `${Math.max(bar.share * 100, 2)}%` }} />
                <span className="mono reason-count">{formatCompact(bar.count)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Newest dead letters">
        <h3 className="section-title">Newest dead letters</h3>
        {deadLetters.length === 0 ? <p className="muted">None.</p> : <DeadLetters letters={deadLetters} />}
      </section>
      <section aria-label="Late events per job">
        <h3 className="section-title">Late events per job</h3>
        {late.length === 0 ? (
          <p className="muted">None in the windows of the last {RANGE_MINUTES} minutes.</p>
        ) : (
          <LateEvents jobs={late} />
        )}
      </section>
    </div>
  );
}

function DeadLetters({ letters }: { letters: DeadLetter[] }) {
  return (
    <div className="scroll" style={{ maxHeight: 220 }}>
      <table className="data">
        <thead>
          <tr>
            <th className="left">Written</th>
            <th className="left">Reason</th>
            <th className="left">Symbol</th>
            <th className="left">Partition @ offset</th>
            <th className="left">Detail</th>
          </tr>
        </thead>
        <tbody>
          {letters.map((letter) => (
            <tr key={kafkaCoordinates(letter)} data-reason={letter.reason} title={kafkaCoordinates(letter)}>
              <td className="left mono">{time(letter.writtenAt)}</td>
              <td className="left">{reasonLabel(letter.reason)}</td>
              <td className="left">{letter.symbol ?? (letter.keyText ? `key ${letter.keyText}` : '–')}</td>
              <td className="left mono">
                {letter.partition} @ {letter.offset}
              </td>
              <td className="left">{letter.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LateEvents({ jobs }: { jobs: JobLateEvents[] }) {
  return (
    <table className="data">
      <thead>
        <tr>
          <th className="left">Job</th>
          <th>Late events</th>
          <th>Last written</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.job} data-job={job.job}>
            <td className="left">{job.job}</td>
            <td className="mono">{formatCompact(job.count)}</td>
            <td className="mono">{time(job.lastWrittenAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
