/**
 * Recruitment rules (Okendo: "at a minimum, they must be marked as PAID and FULFILLED … absence of an
 * email address or the order being cancelled or refunded" keeps an order out). Pure, so the rules can be
 * read and tested as a table.
 *
 * - Paid means `financial_status: "paid"`. `partially_refunded` / `refunded` are refunds, and any refund
 *   keeps an order out (the same rule that makes `refunds/create` cancel a scheduled request).
 * - Fully fulfilled, not partially (see orders/timeline.ts).
 * - Reachable: an email or a phone (Postscript subscribers are matched by either).
 * - At least one line item that is a catalog product (custom items cannot be reviewed).
 * - Fulfilled on or after the sequence started: starting a sequence does not sweep up old orders (Okendo's
 *   recruit block takes orders "with a fulfilment date on or after the start date").
 */
import { isRefunded } from '../orders/refunds.js';

export type IneligibleReason =
  'cancelled' | 'refunded' | 'not_paid' | 'not_fulfilled' | 'no_contact' | 'no_products' | 'fulfilled_before_sequence_start';

export interface OrderFacts {
  financialStatus: string | null;
  cancelledAt: string | null;
  refundedAt: string | null;
  fulfilledAt: string | null;
  email: string | null;
  phone: string | null;
  reviewableProducts: number;
}

export type Eligibility = { eligible: true } | { eligible: false; reason: IneligibleReason };

/** Whether the order may be recruited at all (any sequence). Cancellation and refunds are checked first: they also cancel. */
export function orderEligibility(o: OrderFacts): Eligibility {
  if (o.cancelledAt) return { eligible: false, reason: 'cancelled' };
  if (isRefunded(o)) return { eligible: false, reason: 'refunded' };
  if (o.financialStatus !== 'paid') return { eligible: false, reason: 'not_paid' };
  if (!o.fulfilledAt) return { eligible: false, reason: 'not_fulfilled' };
  if (!o.email && !o.phone) return { eligible: false, reason: 'no_contact' };
  if (o.reviewableProducts === 0) return { eligible: false, reason: 'no_products' };
  return { eligible: true };
}

/** Whether a running sequence recruits the order. */
export function sequenceRecruits(o: OrderFacts, sequence: { startedAt: string | null }): Eligibility {
  const base = orderEligibility(o);
  if (!base.eligible) return base;
  if (!sequence.startedAt || Date.parse(o.fulfilledAt as string) < Date.parse(sequence.startedAt)) {
    return { eligible: false, reason: 'fulfilled_before_sequence_start' };
  }
  return base;
}

/** A scheduled request is withdrawn when its order is cancelled or refunded before the request goes out. */
export function withdrawalReason(o: Pick<OrderFacts, 'cancelledAt' | 'refundedAt' | 'financialStatus'>): 'cancelled' | 'refunded' | null {
  if (o.cancelledAt) return 'cancelled';
  if (isRefunded(o)) return 'refunded';
  return null;
}
