/**
 * What the Orders screen says about an order's review request, decided at read time from the stored order
 * with the same pure rules that recruit (sequences/eligibility.ts), so the screen cannot disagree with the
 * webhook that let the order pass or not:
 *
 * - a request exists → the newest one (scheduled for when, sent, completed, cancelled and why);
 * - none → the first rule the order fails (cancelled, refunded, not paid, not fully fulfilled, no contact,
 *   no reviewable product); else no sequence running, or fulfilled before every running one started;
 *   `not_evaluated` is left only for an order that meets every rule of a running sequence but has not been
 *   reconciled since (its next webhook recruits it).
 *
 * Read time rather than recorded at the webhook: the facts (paid, fulfilled, contact) are the stored order's
 * own columns, and a rule's answer for them does not change after the fact, so nothing is lost by not
 * storing it; a merchant who starts a sequence later sees "fulfilled before the sequence started", which is
 * true, instead of a stale "no sequence running".
 */
import type { OrderLineItem, OrdersTable, ReviewRequestsTable, SequenceStatus } from '../db/schema.js';
import { reviewableProducts } from '../review-requests/products.js';
import type { NotRecruitedReason, OrderReviewStatus } from '../schemas/orders.js';
import { orderEligibility, sequenceRecruits, type OrderFacts } from '../sequences/eligibility.js';

export interface SequenceFacts {
  status: SequenceStatus;
  startedAt: string | null;
}

export function orderFacts(order: OrdersTable, lineItems: OrderLineItem[]): OrderFacts {
  return {
    financialStatus: order.financial_status,
    cancelledAt: order.cancelled_at,
    refundedAt: order.refunded_at,
    fulfilledAt: order.fulfilled_at,
    email: order.email,
    phone: order.phone,
    reviewableProducts: reviewableProducts(lineItems).length,
  };
}

/** Why an order that has no request was not recruited. Pure. */
export function notRecruitedReason(facts: OrderFacts, hasCustomer: boolean, sequences: readonly SequenceFacts[]): NotRecruitedReason {
  const base = orderEligibility(facts);
  if (!base.eligible) return base.reason;
  if (!hasCustomer) return 'no_contact';
  const running = sequences.filter((s) => s.status === 'running');
  if (running.length === 0) return 'no_sequence_running';
  const verdicts = running.map((s) => sequenceRecruits(facts, { startedAt: s.startedAt }));
  const recruitable = verdicts.some((v) => v.eligible);
  return recruitable ? 'not_evaluated' : 'fulfilled_before_sequence_start';
}

export function requestStatus(r: ReviewRequestsTable): OrderReviewStatus {
  return {
    state: r.state,
    review_request_id: r.id,
    sequence_id: r.sequence_id,
    due_at: r.due_at,
    sent_at: r.sent_at,
    completed_at: r.completed_at,
    cancelled_at: r.cancelled_at,
    cancel_reason: r.cancel_reason,
  };
}

/** The order's newest request, else why it has none. */
export function orderReviewStatus(
  facts: OrderFacts,
  hasCustomer: boolean,
  requests: readonly ReviewRequestsTable[],
  sequences: readonly SequenceFacts[],
): OrderReviewStatus {
  const newest = [...requests].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id))[0];
  if (newest) return requestStatus(newest);
  return { state: 'not_recruited', reason: notRecruitedReason(facts, hasCustomer, sequences) };
}
