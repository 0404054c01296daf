import { useContext, useEffect, useState } from 'react';
import { LiveContext } from '../../api/live-context.ts';
import { freshnessLevel } from '../../lib/freshness.ts';
import { formatDuration, formatTime } from '../../lib/format.ts';

/** now − newest window end, ticking every second, and the state of the live connection. */
export function FreshnessIndicator({ newestWindowEnd }: { newestWindowEnd: number | null }) {
  const { status } = useContext(LiveContext);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const level = freshnessLevel(newestWindowEnd, now);
  return (
    <div className="freshness" data-testid="freshness" data-level={level} data-connection={status}>
      <span className={`dot ${status}`} title={`live stream: ${status}`} />
      <span className="muted">{status === 'open' ? 'live' : status}</span>
      <span className={`dot ${level}`} />
      {newestWindowEnd === null ? (
        <span className="muted">no windows yet</span>
      ) : (
        <span title={`newest window ended ${formatTime(newestWindowEnd)} UTC`}>
          data age <b data-testid="data-age">{formatDuration(now - newestWindowEnd)}</b>
        </span>
      )}
      <span className="muted">{formatTime(now)} UTC</span>
    </div>
  );
}
