import { createContext } from 'react';
import type { LiveEvent } from './types.ts';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

export interface Live {
  status: ConnectionStatus;
  /** Bumped on every reconnect after a loss, so queries reload what they missed. */
  generation: number;
  subscribe: (listener: (event: LiveEvent) => void) => () => void;
}

export const LiveContext = createContext<Live>({
  status: 'connecting',
  generation: 0,
  subscribe: () => () => undefined,
});
