/**
 * How the Postscript sync log reads (pure, tested in test/sync-log.test.ts): each call's outcome in the
 * merchant's words, and which calls can be replayed.
 */
import type { DeliveryLogEntry } from '@rapport/reviews/schemas';

export type DeliveryState = DeliveryLogEntry['state'];
export type CallKind = DeliveryLogEntry['kind'];

/** The log's state filter, in the order a merchant looks for trouble: failures first. */
export const STATE_FILTER: readonly { value: DeliveryState | ''; label: string }[] = [
  { value: '', label: 'All calls' },
  { value: 'failed', label: 'Failed' },
  { value: 'skipped', label: 'Skipped' },
  { value: 'pending', label: 'Pending' },
  { value: 'delivered', label: 'Delivered' },
];

export function stateLabel(state: DeliveryState): string {
  switch (state) {
    case 'pending':
      return 'Pending';
    case 'delivered':
      return 'Delivered';
    case 'skipped':
      return 'Skipped';
    case 'failed':
      return 'Failed';
    default: {
      const never: never = state;
      throw new Error(`unknown delivery state ${String(never)}`);
    }
  }
}

export function stateColor(state: DeliveryState): string {
  switch (state) {
    case 'pending':
      return 'blue';
    case 'delivered':
      return 'green';
    case 'skipped':
      return 'gray';
    case 'failed':
      return 'red';
    default: {
      const never: never = state;
      throw new Error(`unknown delivery state ${String(never)}`);
    }
  }
}

/** The Postscript API a call went to: an event (POST /api/v2/events), the review-request trigger, or profile properties. */
export function kindLabel(kind: CallKind): string {
  switch (kind) {
    case 'event':
      return 'Event';
    case 'trigger':
      return 'Trigger';
    case 'profile':
      return 'Profile properties';
    default: {
      const never: never = kind;
      throw new Error(`unknown call kind ${String(never)}`);
    }
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why a call was skipped; the reasons are the server's (`skip_reason` in schemas/postscript.ts). */
function skipText(reason: string | null, lastError: string | null): string {
  switch (reason) {
    case 'not_a_subscriber':
      return 'Skipped: the customer is not an SMS subscriber';
    case 'not_connected':
      return 'Skipped: Postscript was not connected';
    case 'invalid_properties':
      return `Skipped: invalid properties${lastError ? ` (${lastError})` : ''}`;
    default:
      return reason ? `Skipped: ${reason}` : 'Skipped';
  }
}

type Outcome = Pick<DeliveryLogEntry, 'state' | 'attempts' | 'last_error' | 'skip_reason' | 'response'>;

/** One line on what happened to a call. */
export function outcomeText(entry: Outcome): string {
  const status = entry.response ? `HTTP ${entry.response.status}` : null;
  switch (entry.state) {
    case 'delivered':
      return status ? `Delivered (${status})` : 'Delivered';
    case 'pending':
      if (entry.attempts === 0) return 'Waiting to be sent';
      return `Retrying after ${plural(entry.attempts, 'attempt', 'attempts')}${entry.last_error ? `: ${entry.last_error}` : ''}`;
    case 'skipped':
      return skipText(entry.skip_reason, entry.last_error);
    case 'failed':
      return `Failed after ${plural(entry.attempts, 'attempt', 'attempts')}: ${entry.last_error ?? status ?? 'no answer'}`;
    default: {
      const never: never = entry.state;
      throw new Error(`unknown delivery state ${String(never)}`);
    }
  }
}

/**
 * Whether Replay is offered: failed and skipped calls, except one skipped for invalid properties, which
 * the server refuses to replay since it would fail validation the same way again (replayDelivery).
 */
export function canReplay(entry: Pick<DeliveryLogEntry, 'state' | 'skip_reason'>): boolean {
  if (entry.state === 'failed') return true;
  return entry.state === 'skipped' && entry.skip_reason !== 'invalid_properties';
}
