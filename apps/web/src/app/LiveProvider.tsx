import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { STREAM_URL } from '../api/endpoints.ts';
import { LiveContext, type ConnectionStatus, type Live } from '../api/live-context.ts';
import { openLiveStream } from '../api/live-stream.ts';
import type { LiveEvent } from '../api/types.ts';

/** One SSE connection for the whole page, fanned out to the panels that subscribe. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [generation, setGeneration] = useState(0);
  const listeners = useRef(new Set<(event: LiveEvent) => void>());
  const lost = useRef(false);

  useEffect(
    () =>
      openLiveStream(STREAM_URL, {
        onEvent: (event) => {
          if (event.kind === 'gap') setGeneration((value) => value + 1);
          else listeners.current.forEach((listener) => listener(event));
        },
        onStatus: (next) => {
          setStatus(next);
          if (next === 'reconnecting') lost.current = true;
          if (next === 'open' && lost.current) {
            lost.current = false;
            setGeneration((value) => value + 1);
          }
        },
      }),
    [],
  );

  const live = useMemo<Live>(
    () => ({
      status,
      generation,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [status, generation],
  );
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
