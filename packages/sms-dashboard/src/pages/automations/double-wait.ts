/**
 * The seed's double-wait caution, on the SMS side: "Both Postscript and Okendo offer a Wait option … be
 * careful about using both, as the customer could wait twice as long as expected". Okendo declares its
 * sequence's wait with each fire (the trigger's `declared_wait`); a delay here adds to it. Pure.
 */
import { daysText, durationText } from '@rapport/dashboard-ui';
import type { TriggerView } from '@rapport/sms/schemas';

export type DeclaredWait = NonNullable<TriggerView['declared_wait']>;

const anchorText = (after: DeclaredWait['after']) => (after === 'fulfillment' ? 'fulfillment' : 'delivery');

export interface DoubleWait {
  /** Always shown while the trigger declares a wait. */
  info: string;
  /** Shown when the first message's delay adds to it; null when it sends at once. */
  warning: string | null;
}

/**
 * The first message's delay is the one that stacks on the trigger's wait (later delays are waits between
 * messages, which a merchant adds on purpose).
 */
export function doubleWait(wait: DeclaredWait | null | undefined, firstDelayMinutes: number): DoubleWait | null {
  if (!wait) return null;
  const days = daysText(wait.days);
  const info = `This trigger already arrives ${days} after ${anchorText(wait.after)}: Okendo's review-request sequence waits before it fires.`;
  if (firstDelayMinutes <= 0) return { info, warning: null };
  const total = durationText(wait.days * 1440 + firstDelayMinutes);
  return {
    info,
    warning: `The delay of ${durationText(firstDelayMinutes)} adds to Okendo's wait: the customer gets this text ${total} after ${anchorText(wait.after)}. Be careful about using both, as the customer could wait twice as long as expected.`,
  };
}
