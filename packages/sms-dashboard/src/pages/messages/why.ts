/**
 * Why a text is where it is, in the merchant's words (pure, tested in test/message-why.test.ts). Used by
 * the Messages screen and the texts on a subscriber's profile.
 */
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';

/** The outbox's reason codes (packages/sms/src/compliance/send-policy.ts, messages/send-job.ts, automations/legacy/store.ts). */
const REASONS: Record<string, string> = {
  opted_out: 'the subscriber opted out (texted STOP or was unsubscribed)',
  not_confirmed: 'the subscriber never confirmed with Y',
  already_subscribed: 'already subscribed, so no opt-in prompt was needed',
  carrier_opt_out: 'the carrier reports the number opted out of this sender',
  automation_disabled: 'its automation was turned off before it was sent',
  automation_deleted: 'its automation was deleted before it was sent',
};

export const reasonText = (code: string | null): string => (code ? (REASONS[code] ?? code.replace(/_/g, ' ')) : 'suppressed');

export interface TextState {
  /** The outbox status, or the Messages screen's state (where a held text is "held"). */
  status: string;
  status_reason: string | null;
  held_until: string | null;
  error?: string | null;
  delivery_status?: string | null;
}

export function messageState(m: TextState, timeZone: string): string {
  if ((m.status === 'queued' || m.status === 'held') && m.held_until)
    return `Held for quiet hours until ${zonedTime(m.held_until, timeZone)}, when the recipient's sending window opens`;
  switch (m.status) {
    case 'queued':
      return 'Waiting for its turn';
    case 'dispatching':
      return 'Being handed to the carrier';
    case 'suppressed':
      return `Not sent: ${reasonText(m.status_reason)}`;
    case 'failed':
      return `Failed: ${m.error ?? m.status_reason ?? 'the carrier refused it'}`;
    case 'sent':
      return m.delivery_status ? `Sent; carrier says ${m.delivery_status}` : 'Sent';
    default:
      return m.status;
  }
}

const STATE_COLORS: Record<string, string> = {
  queued: 'gray',
  held: 'yellow',
  dispatching: 'blue',
  sent: 'green',
  failed: 'red',
  suppressed: 'orange',
};
export const stateColor = (state: string): string => STATE_COLORS[state] ?? 'gray';

const STATE_LABELS: Record<string, string> = { dispatching: 'Sending', suppressed: 'Not sent' };
/** The state's badge: short words, so the badge is never cut. */
export const stateLabel = (state: string): string => STATE_LABELS[state] ?? state.charAt(0).toUpperCase() + state.slice(1);
