import { fromJson } from '@rapport/kit';
import type { SubscribersTable } from '../db/schema.js';
import type { SubscriberView } from '../schemas/subscribers.js';

/**
 * The subscriber as the API shows it: Postscript's shape (consent only as `subscriptions.*.can_send`), plus
 * our extensions `status`, `first_name`, `last_name`, `origin`, `confirmed_at`, `opted_out_at`.
 */
export function subscriberView(row: SubscribersTable): SubscriberView {
  // After STOP nothing may be sent, transactional included; before the Y nothing but the opt-in prompt.
  const canSend = row.status === 'subscribed';
  const customerId = row.shopify_customer_id === null ? null : Number(row.shopify_customer_id);
  return {
    id: row.id,
    ps_id: null,
    phone_number: row.phone_number,
    email: row.email,
    shopify_customer_id: customerId !== null && Number.isSafeInteger(customerId) ? customerId : null,
    properties: fromJson<Record<string, unknown>>(row.properties, {}),
    tags: fromJson<string[]>(row.tags, []),
    subscriptions: { promotional: { can_send: canSend }, transactional: { can_send: canSend } },
    created_at: row.created_at,
    updated_at: row.updated_at,
    data: {},
    status: row.status,
    first_name: row.first_name,
    last_name: row.last_name,
    origin: row.origin,
    confirmed_at: row.confirmed_at,
    opted_out_at: row.opted_out_at,
  };
}
