/** Which line items a review request covers. Pure (the Orders screen reads it without the request machinery). */
import type { OrderLineItem } from '../db/schema.js';

/** One entry per reviewable product of the order, in line-item order (several variants of a product → one entry, the first variant). */
export function reviewableProducts(lineItems: OrderLineItem[]): OrderLineItem[] {
  const seen = new Set<string>();
  const out: OrderLineItem[] = [];
  for (const li of lineItems) {
    if (!li.product_id || li.quantity <= 0 || seen.has(li.product_id)) continue;
    seen.add(li.product_id);
    out.push(li);
  }
  return out;
}
