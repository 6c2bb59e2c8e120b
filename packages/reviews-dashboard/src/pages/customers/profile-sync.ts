/** What the profile says about the Postscript sync (pure, tested in test/profile-sync.test.ts). */
import type { ProfileSync } from '@rapport/reviews/schemas';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';

/** One line about the newest profile call. */
export function lastSyncLine(sync: ProfileSync, timeZone: string): string {
  const call = sync.last_call;
  if (!call) return 'Nothing sent to Postscript yet: properties are sent when the customer reviews.';
  const when = zonedTime(call.created_at, timeZone);
  switch (call.state) {
    case 'delivered':
      return `Last sent ${zonedTime(call.delivered_at ?? call.created_at, timeZone)}: delivered.`;
    case 'pending':
      return `Last call ${when}: pending.`;
    case 'failed':
      return `Last call ${when}: failed${call.last_error ? ` (${call.last_error})` : ''}.`;
    case 'skipped':
      return call.skip_reason === 'not_a_subscriber'
        ? `Last call ${when}: skipped, the customer is not an SMS subscriber.`
        : call.skip_reason === 'not_connected'
          ? `Last call ${when}: skipped, Postscript was not connected.`
          : `Last call ${when}: skipped${call.last_error ? ` (${call.last_error})` : ''}.`;
    default: {
      const never: never = call.state;
      throw new Error(`unknown state ${String(never)}`);
    }
  }
}

/** The synced properties as rows, in the order Postscript shows custom properties: by name. */
export function propertyRows(sync: ProfileSync): { name: string; value: string }[] {
  return Object.entries(sync.synced_properties)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ({ name, value: typeof value === 'string' ? value : JSON.stringify(value) }));
}

const ACTIVITY_TEXT: Record<string, string> = {
  'review_request.sent': 'Review request sent',
  'review_request.cancelled': 'Review request cancelled',
  'review.created': 'Review created',
};

/** A timeline entry's type in words; an unknown type is shown as it is stored. */
export const activityText = (type: string): string => ACTIVITY_TEXT[type] ?? type;
