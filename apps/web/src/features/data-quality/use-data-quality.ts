import { api } from '../../api/endpoints.ts';
import type { DeadLetter, JobLateEvents, RejectTotal } from '../../api/types.ts';
import { useQuery } from '../../api/use-query.ts';

export const RANGE_MINUTES = 30;
const DEAD_LETTERS = 8;

export interface DataQuality {
  /** Rejected events written in the range, per reason. */
  rejects: RejectTotal[];
  /** The newest dead letters, whenever they were written. */
  deadLetters: DeadLetter[];
  /** Late events of the windows in the range, per job. */
  late: JobLateEvents[];
}

export function useDataQuality() {
  return useQuery<DataQuality>(
    'data-quality',
    async (signal) => {
      // A minute ahead, so the window still open and rejects written this second are in.
      const to = Date.now() + 60_000;
      const from = to - RANGE_MINUTES * 60_000;
      // Only the totals are shown: one group of each list is enough to get them.
      const [rejects, deadLetters, late] = await Promise.all([
        api.rejects({ from, to, limit: 1 }, signal),
        api.deadLetters(DEAD_LETTERS, signal),
        api.lateEvents({ from, to, limit: 1 }, signal),
      ]);
      return { rejects: rejects.totals, deadLetters: deadLetters.items, late: late.totals };
    },
    15_000,
  );
}
