import { cancelJob, enqueue, newId, notFound, randomToken, type Clock } from '@rapport/kit';
import type { OrderLineItem, ReviewRequestProductsTable, ReviewRequestsTable } from '../db/schema.js';
import { asJobsDb, type Db } from '../db/types.js';
import { writeOutbox } from '../integrations/postscript/outbox.js';
import { REVIEW_REQUEST_CANCELLED, reviewRequestCancelledProperties } from '../integrations/postscript/events.js';
import type { DueTime } from '../sequences/due-time.js';

export const DUE_JOB = 'review_request.due';
/** The due job is keyed by request and due version, so moving due_at (delivery reported) makes a new job. */
export const dueDedupeKey = (requestId: string, version: number): string => `${DUE_JOB}:${requestId}:v${version}`;

export interface DueJobPayload {
  review_request_id: string;
  due_version: number;
}

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

/** Creates a scheduled request with its products and its due job, inside the caller's transaction. */
export async function scheduleReviewRequest(
  db: Db,
  clock: Clock,
  input: {
    storeId: string;
    sequenceId: string;
    orderId: string;
    customerId: string;
    fulfilledAt: string;
    deliveredAt: string | null;
    due: DueTime;
    products: OrderLineItem[];
  },
): Promise<ReviewRequestsTable> {
  const now = clock.now();
  const at = now.toISOString();
  const request: ReviewRequestsTable = {
    id: newId('rr'),
    store_id: input.storeId,
    sequence_id: input.sequenceId,
    order_id: input.orderId,
    customer_id: input.customerId,
    token: randomToken(24),
    state: 'scheduled',
    fulfilled_at: input.fulfilledAt,
    delivered_at: input.deliveredAt,
    due_at: input.due.dueAt.toISOString(),
    due_basis: input.due.basis,
    due_version: 1,
    sent_at: null,
    cancelled_at: null,
    cancel_reason: null,
    completed_at: null,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('review_requests').values(request).execute();
  const products: ReviewRequestProductsTable[] = input.products.map((li, position) => ({
    id: newId('rrp'),
    review_request_id: request.id,
    position,
    shopify_product_id: li.product_id as string,
    shopify_variant_id: li.variant_id,
    product_title: li.title,
    variant_title: li.variant_title,
    sku: li.sku,
    review_id: null,
    reviewed_at: null,
  }));
  if (products.length > 0) await db.insertInto('review_request_products').values(products).execute();
  const payload: DueJobPayload = { review_request_id: request.id, due_version: 1 };
  await enqueue(asJobsDb(db), now, { kind: DUE_JOB, payload, runAt: input.due.dueAt, dedupeKey: dueDedupeKey(request.id, 1) });
  return request;
}

/** Moves a scheduled request's due time (delivery reported for a delivery-anchored sequence). */
export async function rescheduleReviewRequest(
  db: Db,
  clock: Clock,
  request: ReviewRequestsTable,
  due: DueTime,
  deliveredAt: string | null,
): Promise<void> {
  const now = clock.now();
  const version = request.due_version + 1;
  await db
    .updateTable('review_requests')
    .set({
      due_at: due.dueAt.toISOString(),
      due_basis: due.basis,
      due_version: version,
      delivered_at: deliveredAt,
      updated_at: now.toISOString(),
    })
    .where('id', '=', request.id)
    .execute();
  await cancelJob(asJobsDb(db), now, dueDedupeKey(request.id, request.due_version));
  const payload: DueJobPayload = { review_request_id: request.id, due_version: version };
  await enqueue(asJobsDb(db), now, { kind: DUE_JOB, payload, runAt: due.dueAt, dedupeKey: dueDedupeKey(request.id, version) });
}

/**
 * Withdraws a scheduled request: state `cancelled`, its due job cancelled, and — when the order was
 * cancelled or refunded — "Review Request Cancelled" written to the outbox. A sequence being stopped is
 * the merchant's decision, not the customer's, and emits nothing.
 */
export async function cancelReviewRequest(
  db: Db,
  clock: Clock,
  request: ReviewRequestsTable,
  reason: 'cancelled' | 'refunded' | 'sequence_stopped',
): Promise<boolean> {
  const now = clock.now();
  const r = await db
    .updateTable('review_requests')
    .set({ state: 'cancelled', cancelled_at: now.toISOString(), cancel_reason: reason, updated_at: now.toISOString() })
    .where('id', '=', request.id)
    .where('state', '=', 'scheduled')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await cancelJob(asJobsDb(db), now, dueDedupeKey(request.id, request.due_version));
  if (reason !== 'sequence_stopped') {
    await writeOutbox(db, clock, { storeId: request.store_id, customerId: request.customer_id }, [
      {
        kind: 'event',
        type: REVIEW_REQUEST_CANCELLED,
        properties: reviewRequestCancelledProperties(request.id),
        occurredAt: now,
        externalId: `${request.id}:cancelled`,
      },
    ]);
  }
  return true;
}

export async function getReviewRequest(db: Db, storeId: string, id: string): Promise<ReviewRequestsTable> {
  const row = await db.selectFrom('review_requests').selectAll().where('store_id', '=', storeId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`no review request ${id} in store ${storeId}`, ['path', 'review_request_id']);
  return row;
}

export async function requestProducts(db: Db, requestId: string): Promise<ReviewRequestProductsTable[]> {
  return db.selectFrom('review_request_products').selectAll().where('review_request_id', '=', requestId).orderBy('position').execute();
}
