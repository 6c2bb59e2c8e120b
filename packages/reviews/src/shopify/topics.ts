/**
 * What each Shopify webhook topic does: one typed table, each entry pairing the topic's payload schema with
 * the handler that applies it (the handler's payload type is the schema's `Static<>`). Every handler
 * returns the order it touched (if any), so the receiver can re-evaluate that order's review requests in
 * the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Static, TSchema } from 'typebox';
import { upsertCustomer } from '../customers/customers.js';
import type { ReviewsSchema } from '../db/schema.js';
import { ingestFulfillment, ingestOrder, ingestRefund } from '../orders/orders.js';
import { CustomerSchema, FulfillmentSchema, idText, OrderSchema, RefundSchema } from './payloads.js';

export interface Topic<S extends TSchema = TSchema> {
  schema: S;
  apply(db: Kysely<ReviewsSchema>, now: Date, storeId: string, payload: Static<S>): Promise<string | null>;
}

const topic = <S extends TSchema>(schema: S, apply: Topic<S>['apply']): Topic => ({ schema, apply }) as unknown as Topic;

const order = topic(OrderSchema, (db, now, storeId, payload) => ingestOrder(db, now, storeId, payload));
const fulfillment = topic(FulfillmentSchema, (db, now, storeId, payload) => ingestFulfillment(db, now, storeId, payload));
const refund = topic(RefundSchema, (db, now, storeId, payload) => ingestRefund(db, now, storeId, payload));
const customer = topic(CustomerSchema, async (db, now, storeId, c) => {
  await upsertCustomer(db, now, storeId, {
    shopifyCustomerId: idText(c.id),
    email: c.email ?? null,
    phone: c.phone ?? c.default_address?.phone ?? null,
    firstName: c.first_name ?? null,
    lastName: c.last_name ?? null,
    countryCode: c.default_address?.country_code ?? null,
    zoneCode: c.default_address?.province_code ?? null,
  });
  return null;
});

/** The topics Rapport subscribes to (what the dashboard and `rapport start` tell the merchant to set up). */
export const TOPICS: Readonly<Record<string, Topic>> = {
  'orders/create': order,
  'orders/updated': order,
  'orders/paid': order,
  'orders/fulfilled': order,
  'orders/cancelled': order,
  'fulfillments/create': fulfillment,
  'fulfillments/update': fulfillment,
  'refunds/create': refund,
  'customers/create': customer,
  'customers/update': customer,
};

export const TOPIC_NAMES: readonly string[] = Object.keys(TOPICS);
