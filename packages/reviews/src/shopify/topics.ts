/**
 * What each Shopify webhook topic does. Every handler returns the order it touched (if any), so the
 * receiver can re-evaluate that order's review requests in the same transaction.
 */
import type { TSchema } from '@fastify/type-provider-typebox';
import type { Clock } from '@rapport/kit';
import { upsertCustomer } from '../customers/customers.js';
import type { Db } from '../db/types.js';
import { ingestFulfillment, ingestOrder, ingestRefund } from '../orders/orders.js';
import {
  CustomerSchema,
  FulfillmentSchema,
  idText,
  OrderSchema,
  RefundSchema,
  type ShopifyCustomer,
  type ShopifyFulfillment,
  type ShopifyOrder,
  type ShopifyRefund,
} from './payloads.js';

export interface TopicHandler {
  schema: TSchema;
  apply(db: Db, clock: Clock, storeId: string, payload: never): Promise<string | null>;
}

const order: TopicHandler = {
  schema: OrderSchema,
  apply: (db, clock, storeId, payload: ShopifyOrder) => ingestOrder(db, clock, storeId, payload),
};

const fulfillment: TopicHandler = {
  schema: FulfillmentSchema,
  apply: (db, clock, storeId, payload: ShopifyFulfillment) => ingestFulfillment(db, clock, storeId, payload),
};

const refund: TopicHandler = {
  schema: RefundSchema,
  apply: (db, clock, storeId, payload: ShopifyRefund) => ingestRefund(db, clock, storeId, payload),
};

const customer: TopicHandler = {
  schema: CustomerSchema,
  async apply(db, clock, storeId, c: ShopifyCustomer) {
    await upsertCustomer(db, clock, storeId, {
      shopifyCustomerId: idText(c.id),
      email: c.email ?? null,
      phone: c.phone ?? c.default_address?.phone ?? null,
      firstName: c.first_name ?? null,
      lastName: c.last_name ?? null,
      countryCode: c.default_address?.country_code ?? null,
      zoneCode: c.default_address?.province_code ?? null,
    });
    return null;
  },
};

export const TOPICS: Readonly<Record<string, TopicHandler>> = {
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
