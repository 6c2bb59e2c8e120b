import { newId, trimToNull } from '@rapport/kit';
import type { CustomersTable, ReviewsSchema } from '../db/schema.js';
import { toE164 } from './phone.js';
import type { Kysely } from 'kysely';

export interface CustomerFacts {
  shopifyCustomerId?: string | null;
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  countryCode?: string | null;
  zoneCode?: string | null;
}

const clean = trimToNull;

/**
 * Finds the store's customer by Shopify customer id, else (guest checkouts) by email, else by phone, and
 * merges what is newly known; creates the customer when none matches. Known values are never erased by
 * a payload that lacks them.
 */
export async function upsertCustomer(db: Kysely<ReviewsSchema>, at: Date, storeId: string, facts: CustomerFacts): Promise<CustomersTable> {
  const shopifyId = clean(facts.shopifyCustomerId);
  const email = clean(facts.email)?.toLowerCase() ?? null;
  const phone = toE164(facts.phone, facts.countryCode);
  let existing: CustomersTable | undefined;
  if (shopifyId) {
    existing = await db
      .selectFrom('customers')
      .selectAll()
      .where('store_id', '=', storeId)
      .where('shopify_customer_id', '=', shopifyId)
      .executeTakeFirst();
  }
  if (!existing && email) {
    existing = await db
      .selectFrom('customers')
      .selectAll()
      .where('store_id', '=', storeId)
      .where('email', '=', email)
      .$if(shopifyId !== null, (q) => q.where('shopify_customer_id', 'is', null))
      .orderBy('created_at')
      .executeTakeFirst();
  }
  if (!existing && phone) {
    existing = await db
      .selectFrom('customers')
      .selectAll()
      .where('store_id', '=', storeId)
      .where('phone', '=', phone)
      .$if(shopifyId !== null, (q) => q.where('shopify_customer_id', 'is', null))
      .orderBy('created_at')
      .executeTakeFirst();
  }
  const now = at.toISOString();
  if (!existing) {
    const row: CustomersTable = {
      id: newId('cus'),
      store_id: storeId,
      shopify_customer_id: shopifyId,
      email,
      phone,
      first_name: clean(facts.firstName),
      last_name: clean(facts.lastName),
      country_code: clean(facts.countryCode)?.toUpperCase() ?? null,
      zone_code: clean(facts.zoneCode)?.toUpperCase() ?? null,
      postscript_subscriber_id: null,
      created_at: now,
      updated_at: now,
    };
    await db.insertInto('customers').values(row).execute();
    return row;
  }
  const merged: CustomersTable = {
    ...existing,
    shopify_customer_id: existing.shopify_customer_id ?? shopifyId,
    email: email ?? existing.email,
    phone: phone ?? existing.phone,
    first_name: clean(facts.firstName) ?? existing.first_name,
    last_name: clean(facts.lastName) ?? existing.last_name,
    country_code: clean(facts.countryCode)?.toUpperCase() ?? existing.country_code,
    zone_code: clean(facts.zoneCode)?.toUpperCase() ?? existing.zone_code,
  };
  // A changed phone or email may belong to a different Postscript subscriber: resolve it again.
  if (merged.phone !== existing.phone || merged.email !== existing.email) merged.postscript_subscriber_id = null;
  const changed = (Object.keys(merged) as (keyof CustomersTable)[]).some((k) => merged[k] !== existing[k]);
  if (!changed) return existing;
  merged.updated_at = now;
  await db
    .updateTable('customers')
    .set({
      shopify_customer_id: merged.shopify_customer_id,
      email: merged.email,
      phone: merged.phone,
      first_name: merged.first_name,
      last_name: merged.last_name,
      country_code: merged.country_code,
      zone_code: merged.zone_code,
      postscript_subscriber_id: merged.postscript_subscriber_id,
      updated_at: now,
    })
    .where('id', '=', existing.id)
    .execute();
  return merged;
}
