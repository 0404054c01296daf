// Pure helpers of the data-quality panel: reject totals as bars, and how a dead letter is named.
import type { DeadLetter, RejectTotal } from '../../api/types.ts';

export interface ReasonBar {
  reason: string;
  label: string;
  count: number;
  /** Width of the bar: the count relative to the largest, 0..1. */
  share: number;
}

/** A reason code as words: crossed_market -> crossed market. */
export const reasonLabel = (reason: string): string => reason.replaceAll('_', ' ');

/** The totals as bars, most first (ties by reason), with their sum. */
export function reasonBars(totals: RejectTotal[]): { total: number; bars: ReasonBar[] } {
  const largest = Math.max(0, ...totals.map((total) => total.count));
  const bars = [...totals]
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .map(({ reason, count }) => ({
      reason,
      label: reasonLabel(reason),
      count,
      share: largest === 0 ? 0 : count / largest,
    }));
  return { total: totals.reduce((sum, total) => sum + total.count, 0), bars };
}

/** Where the message sits in Kafka: topic, partition and offset, unique per dead letter. */
export const kafkaCoordinates = (letter: DeadLetter): string =>
  `${letter.topic}/${letter.partition}@${letter.offset}`;
