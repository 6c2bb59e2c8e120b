/**
 * `review_request.due`: the end of the sequence's Wait. Re-checks everything (the request may have been
 * cancelled, moved or already sent; the order may have been refunded in the meantime), then in ONE
 * transaction marks the request sent and records it as an activity (which the Postscript integration turns
 * into "Review Request Created" plus the "Okendo Review Request" trigger fire). A crash after the commit
 * re-runs the job, which then finds the request no longer scheduled: the request goes out exactly once.
 */
import { RetryLater } from '@rapport/kit';
import type { ReviewsContext } from '../context.js';
import { requireCustomer } from '../customers/lookup.js';
import { requireOrder } from '../orders/orders.js';
import { findProduct } from '../products/products.js';
import { withdrawalReason } from '../sequences/eligibility.js';
import { cancelReviewRequest, requestProducts } from './requests.js';
import { productImageUrl, reviewUrl } from './urls.js';

export async function runReviewRequestDue(ctx: ReviewsContext, payload: { review_request_id: string; due_version: number }): Promise<void> {
  const now = ctx.clock.now();
  const wrote = await ctx.db.transaction().execute(async (trx) => {
    const request = await trx.selectFrom('review_requests').selectAll().where('id', '=', payload.review_request_id).executeTakeFirst();
    if (!request || request.state !== 'scheduled' || request.due_version !== payload.due_version) return false;
    if (Date.parse(request.due_at) > now.getTime()) throw new RetryLater(new Date(request.due_at), 'not due yet');

    const order = await requireOrder(trx, request.order_id);
    const withdraw = withdrawalReason({
      cancelledAt: order.cancelled_at,
      refundedAt: order.refunded_at,
      financialStatus: order.financial_status,
    });
    if (withdraw) return cancelReviewRequest(trx, now, ctx.activity, request, withdraw);
    const sequence = await trx
      .selectFrom('sequences')
      .select(['status', 'wait_days', 'anchor'])
      .where('id', '=', request.sequence_id)
      .executeTakeFirst();
    if (sequence?.status !== 'running') return cancelReviewRequest(trx, now, ctx.activity, request, 'sequence_stopped');

    const sent = await trx
      .updateTable('review_requests')
      .set({ state: 'sent', sent_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', request.id)
      .where('state', '=', 'scheduled')
      .executeTakeFirst();
    if (Number(sent.numUpdatedRows) === 0) return false;

    const customer = await requireCustomer(trx, request.customer_id);
    const products = await requestProducts(trx, request.id);
    const first = products[0];
    if (!first) return true;
    const product = await findProduct(trx, request.store_id, first.shopify_product_id);
    await ctx.activity.record(trx, now, {
      type: 'review_request.sent',
      storeId: request.store_id,
      customerId: request.customer_id,
      reviewRequestId: request.id,
      email: order.email ?? customer.email,
      firstName: order.first_name ?? customer.first_name,
      lastName: order.last_name ?? customer.last_name,
      productName: first.product_title,
      variantName: first.variant_title,
      imageUrl: product?.image_url ?? productImageUrl(ctx.publicUrl, request.store_id, first.shopify_product_id),
      fulfilledAt: request.fulfilled_at,
      orderNumber: order.name,
      reviewUrl: reviewUrl(ctx.publicUrl, request.token),
      sequenceWait: { days: sequence.wait_days, after: sequence.anchor },
    });
    return true;
  });
  if (wrote) ctx.wake();
}
