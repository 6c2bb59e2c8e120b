/** The Wait component's words and limits (pure, tested in test/wait-summary.test.ts). */
import type { SequenceView } from '@rapport/reviews/schemas';

export type WaitAnchor = SequenceView['after'];

/**
 * The API's MAX_WAIT_DAYS (reviews `schemas/sequences.ts`; the test checks they agree). Copied, not
 * imported: a value import of the schemas would put TypeBox and every schema into the bundle.
 */
export const MAX_WAIT_DAYS = 365;

function anchorWord(after: WaitAnchor): string {
  switch (after) {
    case 'fulfillment':
      return 'fulfillment';
    case 'delivery':
      return 'delivery';
    default: {
      const never: never = after;
      throw new Error(`unknown wait anchor ${String(never)}`);
    }
  }
}

/** "Wait 3 days after fulfillment", "Wait 1 day after delivery". */
export function waitSummary(days: number, after: WaitAnchor): string {
  return `Wait ${days} ${days === 1 ? 'day' : 'days'} after ${anchorWord(after)}`;
}

/**
 * What is wrong with the Days field, or null. Mantine's NumberInput gives '' while the field is empty and
 * a number otherwise; a whole number from 0 to MAX_WAIT_DAYS is what the API accepts.
 */
export function waitDaysError(value: number | string): string | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_WAIT_DAYS) return null;
  return `Enter a whole number of days from 0 to ${MAX_WAIT_DAYS}`;
}
