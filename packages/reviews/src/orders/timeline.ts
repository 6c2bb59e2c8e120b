/**
 * When an order became fully fulfilled and when it was delivered, derived from its line items and
 * fulfilments. Pure: the webhook handlers store the result, the sequence logic reads it.
 *
 * - Fully fulfilled: Shopify says `fulfillment_status: "fulfilled"`, or successful fulfilments cover the
 *   quantity of every line item (fulfilments can arrive before the order update that says so). Partial
 *   fulfilment does not count (the same default Judge.me documents).
 * - Fulfilled at: the latest successful fulfilment's time (the one that completed the order); when Shopify
 *   reports the order fulfilled without fulfilment details, the first time we learned it.
 * - Delivered at: once every successful fulfilment reports `shipment_status: "delivered"`, the latest of
 *   their delivery times; null while any is still on its way.
 */
import type { OrderLineItem } from '../db/schema.js';

export interface FulfillmentFacts {
  status: string;
  lineItems: { id: string; quantity: number }[];
  fulfilledAt: string;
  deliveredAt: string | null;
}

export interface TimelineInput {
  lineItems: OrderLineItem[];
  fulfillmentStatus: string | null;
  fulfillments: FulfillmentFacts[];
  /** What was stored before, kept when nothing newer is known. */
  previousFulfilledAt: string | null;
  now: Date;
}

export interface Timeline {
  fullyFulfilled: boolean;
  fulfilledAt: string | null;
  deliveredAt: string | null;
}

const latest = (times: string[]): string | null =>
  times.length === 0 ? null : times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));

export function orderTimeline(input: TimelineInput): Timeline {
  const shipped = input.fulfillments.filter((f) => f.status === 'success');
  const shippedQty = new Map<string, number>();
  for (const f of shipped) for (const li of f.lineItems) shippedQty.set(li.id, (shippedQty.get(li.id) ?? 0) + li.quantity);
  const needed = input.lineItems.filter((li) => li.quantity > 0);
  const covered = needed.length > 0 && needed.every((li) => (shippedQty.get(li.id) ?? 0) >= li.quantity);
  const fullyFulfilled = input.fulfillmentStatus === 'fulfilled' || covered;
  if (!fullyFulfilled) return { fullyFulfilled, fulfilledAt: null, deliveredAt: null };

  const fulfilledAt = latest(shipped.map((f) => f.fulfilledAt)) ?? input.previousFulfilledAt ?? input.now.toISOString();
  const allDelivered = shipped.length > 0 && shipped.every((f) => f.deliveredAt !== null);
  const deliveredAt = allDelivered ? latest(shipped.map((f) => f.deliveredAt as string)) : null;
  return { fullyFulfilled, fulfilledAt, deliveredAt };
}
