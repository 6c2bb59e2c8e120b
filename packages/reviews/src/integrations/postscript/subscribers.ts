/**
 * Which Postscript subscriber a customer is. Okendo "only syncs … for existing Postscript subscribers" and
 * never creates one, so this only looks up: by phone (E.164, Postscript's unique key per shop), then by
 * email. A found id is cached on the customer; a cached id Postscript no longer knows is forgotten.
 */
import { requireCustomer } from '../../customers/lookup.js';
import type { PostscriptClient } from './client.js';
import type { Kysely } from 'kysely';
import type { ReviewsSchema } from '../../db/schema.js';

export interface ResolvedSubscriber {
  id: string;
  /** True when the id came from the cache (so a 404 means "look it up again"). */
  cached: boolean;
}

export async function resolveSubscriber(
  db: Kysely<ReviewsSchema>,
  client: PostscriptClient,
  customerId: string,
): Promise<ResolvedSubscriber | null> {
  const customer = await requireCustomer(db, customerId);
  if (customer.postscript_subscriber_id) return { id: customer.postscript_subscriber_id, cached: true };
  let id: string | null = null;
  if (customer.phone) id = await client.findSubscriberId('phone_number', customer.phone);
  if (!id && customer.email) id = await client.findSubscriberId('email', customer.email);
  if (!id) return null;
  await db.updateTable('customers').set({ postscript_subscriber_id: id }).where('id', '=', customerId).execute();
  return { id, cached: false };
}

export async function forgetSubscriber(db: Kysely<ReviewsSchema>, customerId: string): Promise<void> {
  await db.updateTable('customers').set({ postscript_subscriber_id: null }).where('id', '=', customerId).execute();
}
