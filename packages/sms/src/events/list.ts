import { fromJson } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { SmsSchema } from '../db/schema.js';
import type { EventView } from '../schemas/events.js';

/** GET /api/v2/events?subscriber_id=… (our extension): a subscriber's events, newest first. */
export async function listSubscriberEvents(
  db: Kysely<SmsSchema>,
  shopId: string,
  subscriberId: string,
  limit: number,
): Promise<EventView[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('subscriber_id', '=', subscriberId)
    .orderBy('occurred_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    subscriber_id: r.subscriber_id,
    properties: fromJson<Record<string, unknown>>(r.properties, {}),
    occurred_at: r.occurred_at,
    external_id: r.external_id,
    created_at: r.created_at,
  }));
}
