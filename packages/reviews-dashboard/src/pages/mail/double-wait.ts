/**
 * The seed's double-wait caution in the sequence editor: "Both Postscript and Okendo offer a Wait option …
 * be careful about using both, as the customer could wait twice as long as expected before receiving their
 * SMS." Rapport's SMS platform tells us its automations' delays; real Postscript cannot, and then the
 * seed's caution is shown as it is. Pure.
 */
import { daysText, durationText } from '@rapport/dashboard-ui';
import type { SmsDelaysView } from '@rapport/reviews/schemas';

export const SEED_CAUTION =
  'Both Postscript and Okendo offer a Wait option. Be careful about using both, as the customer could wait twice as long as expected before receiving their SMS.';

export interface DoubleWaitCaution {
  tone: 'warning' | 'caution' | 'fine';
  text: string;
}

export function doubleWaitCaution(
  waitDays: number,
  after: 'fulfillment' | 'delivery',
  delays: SmsDelaysView | undefined,
): DoubleWaitCaution {
  if (!delays?.readable) return { tone: 'caution', text: SEED_CAUTION };
  if (!delays.automations.some((a) => a.enabled)) {
    return {
      tone: 'caution',
      text: 'No Postscript automation on this trigger is enabled yet. When you build it, leave its delay at 0: this Wait already times the text, and with both the customer could wait twice as long as expected.',
    };
  }
  const stacked = delays.automations.filter((a) => a.enabled && a.first_delay_minutes > 0);
  const first = stacked[0];
  if (!first) {
    return {
      tone: 'fine',
      text: `Postscript's automations on this trigger send as soon as it fires, so this Wait (${daysText(waitDays)} after ${after}) is the only one.`,
    };
  }
  const others = stacked.length > 1 ? ` (and ${stacked.length - 1} more automation${stacked.length > 2 ? 's' : ''})` : '';
  const total = durationText(waitDays * 1440 + first.first_delay_minutes);
  return {
    tone: 'warning',
    text: `The Postscript automation “${first.name}”${others} waits ${durationText(first.first_delay_minutes)} after the trigger: with this Wait the customer gets the text ${total} after ${after}. Be careful about using both, as the customer could wait twice as long as expected.`,
  };
}
