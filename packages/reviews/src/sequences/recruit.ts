/**
 * Brings an order's review requests in line with what is now known about it, after every webhook that
 * touched the order: recruit it into running sequences (once per order and sequence), move a
 * delivery-anchored request when delivery is reported, or withdraw scheduled requests when the order is
 * cancelled or refunded. Runs inside the webhook's transaction.
 */
import type { ActivityLog } from '../activity/record.js';
import { requireOrder, orderLineItems } from '../orders/orders.js';
import { cancelReviewRequest, rescheduleReviewRequest, reviewableProducts, scheduleReviewRequest } from '../review-requests/requests.js';
import { computeDueAt } from './due-time.js';
import { sequenceRecruits, withdrawalReason, type OrderFacts } from './eligibility.js';
import type { Kysely } from 'kysely';
import type { ReviewsSchema } from '../db/schema.js';

export async function reconcileOrder(db: Kysely<ReviewsSchema>, now: Date, activity: ActivityLog, orderId: string): Promise<void> {
  const order = await requireOrder(db, orderId);
  const products = reviewableProducts(orderLineItems(order));
  const facts: OrderFacts = {
    financialStatus: order.financial_status,
    cancelledAt: order.cancelled_at,
    refundedAt: order.refunded_at,
    fulfilledAt: order.fulfilled_at,
    email: order.email,
    phone: order.phone,
    reviewableProducts: products.length,
  };
  const requests = await db.selectFrom('review_requests').selectAll().where('order_id', '=', orderId).execute();

  const withdraw = withdrawalReason(facts);
  if (withdraw) {
    for (const request of requests) if (request.state === 'scheduled') await cancelReviewRequest(db, now, activity, request, withdraw);
    return;
  }

  const sequences = await db.selectFrom('sequences').selectAll().where('store_id', '=', order.store_id).execute();
  const byId = new Map(sequences.map((s) => [s.id, s]));

  for (const request of requests) {
    const seq = byId.get(request.sequence_id);
    if (request.state !== 'scheduled' || !seq || seq.anchor !== 'delivery') continue;
    if (!order.delivered_at || order.delivered_at === request.delivered_at) continue;
    const due = computeDueAt(
      { anchor: seq.anchor, waitDays: seq.wait_days },
      { fulfilledAt: new Date(request.fulfilled_at), deliveredAt: new Date(order.delivered_at) },
    );
    await rescheduleReviewRequest(db, now, request, due, order.delivered_at);
  }

  if (!order.customer_id || !order.fulfilled_at) return;
  const recruited = new Set(requests.map((r) => r.sequence_id));
  for (const seq of sequences) {
    if (seq.status !== 'running' || recruited.has(seq.id)) continue;
    if (!sequenceRecruits(facts, { startedAt: seq.started_at }).eligible) continue;
    const due = computeDueAt(
      { anchor: seq.anchor, waitDays: seq.wait_days },
      { fulfilledAt: new Date(order.fulfilled_at), deliveredAt: order.delivered_at ? new Date(order.delivered_at) : null },
    );
    await scheduleReviewRequest(db, now, {
      storeId: order.store_id,
      sequenceId: seq.id,
      orderId: order.id,
      customerId: order.customer_id,
      fulfilledAt: order.fulfilled_at,
      deliveredAt: order.delivered_at,
      due,
      products,
    });
  }
}
