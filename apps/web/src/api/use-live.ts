import { useContext, useEffect, useLayoutEffect, useRef } from 'react';
import { LiveContext } from './live-context.ts';
import type { LiveEvent } from './types.ts';

/** Calls `listener` for each live event; the latest listener is used without resubscribing. */
export function useLiveEvents(listener: (event: LiveEvent) => void): void {
  const { subscribe } = useContext(LiveContext);
  const ref = useRef(listener);
  useLayoutEffect(() => {
    ref.current = listener;
  });
  useEffect(() => subscribe((event) => ref.current(event)), [subscribe]);
}
