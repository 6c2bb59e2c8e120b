/**
 * What Postscript holds of a customer's Okendo profile properties, read from the outbox (every profile
 * patch the connector sent, with its outcome): the delivered patches merged in the order they were written,
 * the newest value of each property winning, and the newest call whatever its outcome — so a customer
 * skipped as not a subscriber shows that, with nothing synced.
 */
import { fromJson } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { PostscriptOutboxTable, ReviewsSchema } from '../../db/schema.js';
import type { ProfileSync } from '../../schemas/customers.js';
import type { ProfilePayload } from './outbox.js';

/** Pure: the sync view of a customer's profile rows, oldest first. */
export function profileSyncView(rows: readonly PostscriptOutboxTable[]): ProfileSync {
  const synced: Record<string, unknown> = {};
  let syncedAt: string | null = null;
  for (const r of rows) {
    if (r.state !== 'delivered') continue;
    Object.assign(synced, fromJson<ProfilePayload>(r.payload, { properties: {} }).properties);
    syncedAt = r.delivered_at ?? r.updated_at;
  }
  const last = rows.at(-1);
  return {
    last_call: last
      ? {
          delivery_id: last.id,
          state: last.state,
          skip_reason: last.skip_reason,
          last_error: last.last_error,
          created_at: last.created_at,
          delivered_at: last.delivered_at,
        }
      : null,
    synced_properties: synced,
    synced_at: syncedAt,
  };
}

export async function customerProfileSync(db: Kysely<ReviewsSchema>, storeId: string, customerId: string): Promise<ProfileSync> {
  const rows = await db
    .selectFrom('postscript_outbox')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'profile')
    .orderBy('created_at')
    .orderBy('seq')
    .execute();
  return profileSyncView(rows);
}
