import { NotFound, cancelJob, newId, randomToken } from '@rapport/kit';
import type { OrderLineItem, ReviewRequestProductsTable, ReviewRequestsTable, ReviewsSchema } from '../db/schema.js';
import type { ActivityLog } from '../activity/record.js';
import { REVIEW_REQUEST_DUE } from '../jobs.js';
import type { DueTime } from '../sequences/due-time.js';
import type { Kysely } from 'kysely';

/** The due job is keyed by request and due version, so moving due_at (delivery reported) makes a new job. */
export const dueDedupeKey = (requestId: string, version: number): string => `${REVIEW_REQUEST_DUE.name}:${requestId}:v${version}`;

export { reviewableProducts } from './products.js';

/** Creates a scheduled request with its products and its due job, inside the caller's transaction. */
export async function scheduleReviewRequest(
  db: Kysely<ReviewsSchema>,
  now: Date,
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
  await REVIEW_REQUEST_DUE.enqueue(
    db,
    now,
    { review_request_id: request.id, due_version: 1 },
    { runAt: input.due.dueAt, dedupeKey: dueDedupeKey(request.id, 1) },
  );
  return request;
}

/** Moves a scheduled request's due time (delivery reported for a delivery-anchored sequence). */
export async function rescheduleReviewRequest(
  db: Kysely<ReviewsSchema>,
  now: Date,
  request: ReviewRequestsTable,
  due: DueTime,
  deliveredAt: string | null,
): Promise<void> {
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
  await cancelJob(db, now, dueDedupeKey(request.id, request.due_version));
  await REVIEW_REQUEST_DUE.enqueue(
    db,
    now,
    { review_request_id: request.id, due_version: version },
    { runAt: due.dueAt, dedupeKey: dueDedupeKey(request.id, version) },
  );
}

/**
 * Withdraws a scheduled request: state `cancelled`, its due job cancelled, and the withdrawal recorded as
 * an activity (with its reason: the order was cancelled or refunded, or the merchant stopped the sequence).
 */
export async function cancelReviewRequest(
  db: Kysely<ReviewsSchema>,
  now: Date,
  activity: ActivityLog,
  request: ReviewRequestsTable,
  reason: 'cancelled' | 'refunded' | 'sequence_stopped',
): Promise<boolean> {
  const r = await db
    .updateTable('review_requests')
    .set({ state: 'cancelled', cancelled_at: now.toISOString(), cancel_reason: reason, updated_at: now.toISOString() })
    .where('id', '=', request.id)
    .where('state', '=', 'scheduled')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await cancelJob(db, now, dueDedupeKey(request.id, request.due_version));
  await activity.record(db, now, {
    type: 'review_request.cancelled',
    storeId: request.store_id,
    customerId: request.customer_id,
    reviewRequestId: request.id,
    reason,
  });
  return true;
}

export async function requireReviewRequest(db: Kysely<ReviewsSchema>, storeId: string, id: string): Promise<ReviewRequestsTable> {
  const row = await db.selectFrom('review_requests').selectAll().where('store_id', '=', storeId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound(`no review request ${id} in store ${storeId}`, ['path', 'review_request_id']);
  return row;
}

export async function requestProducts(db: Kysely<ReviewsSchema>, requestId: string): Promise<ReviewRequestProductsTable[]> {
  return db.selectFrom('review_request_products').selectAll().where('review_request_id', '=', requestId).orderBy('position').execute();
}
