import { Invalid, fromJson, retryTransaction, toJson, trimToNull, sortableId } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { SmsContext } from '../context.js';
import type { SmsSchema, SubscribersTable } from '../db/schema.js';
import { locatePhone, type PhoneLocation } from '../phone/locate.js';
import { normalizePhone } from '../phone/normalize.js';
import { requestOptIn } from './consent.js';
import { findSubscriberByPhone } from './find.js';
import { mergeProperties, mergeTags, normalizeCustomerId, normalizeEmail, type PropertyPatch } from './merge.js';

export interface CreateSubscriberInput {
  phone_number: string;
  email?: string | undefined;
  keyword?: string | undefined;
  keyword_id?: string | undefined;
  shopify_customer_id?: number | string | undefined;
  tags?: string[] | undefined;
  properties?: PropertyPatch | undefined;
  origin?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  external_id?: string | undefined;
}

/**
 * POST /api/v2/subscribers. A new number becomes a *pending* subscriber and gets the double opt-in prompt.
 * A number the shop already has returns that subscriber (its tags/properties merged as PATCH would) without a
 * second prompt — unless it had opted out, in which case a new prompt asks for fresh consent.
 */
export async function createSubscriber(
  ctx: SmsContext,
  shop: { id: string; name: string },
  input: CreateSubscriberInput,
): Promise<{ subscriber: SubscribersTable; created: boolean }> {
  const phone = normalizePhone(input.phone_number);
  if (!phone) throw new Invalid(`phone_number "${input.phone_number}" is not a phone number`, ['body', 'phone_number']);
  const email = input.email !== undefined ? normalizeEmail(input.email, ['body', 'email']) : undefined;
  const customerId = normalizeCustomerId(input.shopify_customer_id, ['body', 'shopify_customer_id']);
  const properties = mergeProperties({}, input.properties, ['body', 'properties']);
  const tags = mergeTags([], input.tags, ['body', 'tags']);
  const location = await locatePhone(phone);

  const attempt = () =>
    ctx.db.transaction().execute(async (trx) => {
      const now = ctx.clock.now();
      const existing = await findSubscriberByPhone(trx, shop.id, phone);
      if (existing) {
        await mergeIntoExisting(trx, now, existing, { ...input, email, shopify_customer_id: customerId });
        if (existing.status === 'unsubscribed') await requestOptIn(trx, now, existing, shop.name, 'api');
        const row = await trx.selectFrom('subscribers').selectAll().where('id', '=', existing.id).executeTakeFirstOrThrow();
        return { subscriber: row, created: false };
      }
      const row = newRow(now, shop.id, phone, location, { ...input, email, shopify_customer_id: customerId }, properties, tags);
      await trx.insertInto('subscribers').values(row).execute();
      await requestOptIn(trx, now, row, shop.name, 'api');
      return { subscriber: row, created: true };
    });

  // Two requests for the same new number race on the unique phone index; the loser finds the winner's row.
  const result = await retryTransaction(attempt);
  ctx.wake();
  return result;
}

function newRow(
  now: Date,
  shopId: string,
  phone: string,
  location: PhoneLocation,
  input: CreateSubscriberInput,
  properties: Record<string, unknown>,
  tags: string[],
): SubscribersTable {
  const at = now.toISOString();
  return {
    id: sortableId('s', now),
    shop_id: shopId,
    phone_number: phone,
    email: input.email ?? null,
    first_name: trimToNull(input.first_name),
    last_name: trimToNull(input.last_name),
    shopify_customer_id: input.shopify_customer_id !== undefined ? String(input.shopify_customer_id) : null,
    properties: toJson(properties),
    tags: toJson(tags),
    status: 'pending',
    origin: input.origin ?? 'other',
    keyword: input.keyword ?? input.keyword_id ?? null,
    external_id: input.external_id ?? null,
    time_zones: toJson(location.timeZones),
    region: location.region,
    confirmed_at: null,
    opted_out_at: null,
    opt_out_notice_at: null,
    created_at: at,
    updated_at: at,
  };
}

async function mergeIntoExisting(
  trx: Kysely<SmsSchema>,
  now: Date,
  existing: SubscribersTable,
  input: CreateSubscriberInput,
): Promise<void> {
  const properties = mergeProperties(fromJson(existing.properties, {}), input.properties, ['body', 'properties']);
  const tags = mergeTags(fromJson(existing.tags, []), input.tags, ['body', 'tags']);
  await trx
    .updateTable('subscribers')
    .set({
      properties: toJson(properties),
      tags: toJson(tags),
      email: existing.email ?? input.email ?? null,
      first_name: existing.first_name ?? trimToNull(input.first_name),
      last_name: existing.last_name ?? trimToNull(input.last_name),
      shopify_customer_id:
        existing.shopify_customer_id ?? (input.shopify_customer_id !== undefined ? String(input.shopify_customer_id) : null),
      updated_at: now.toISOString(),
    })
    .where('id', '=', existing.id)
    .execute();
}
