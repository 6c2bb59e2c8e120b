import type { ReviewRequestProductsTable, ReviewRequestsTable, ReviewsSchema } from '../db/schema.js';
import type { ReviewRequestView } from '../schemas/review-requests.js';
import { requestProducts } from './requests.js';
import { reviewUrl } from './urls.js';
import type { Kysely } from 'kysely';

export function reviewRequestView(
  publicUrl: string,
  r: ReviewRequestsTable,
  orderName: string,
  products: ReviewRequestProductsTable[],
): ReviewRequestView {
  return {
    review_request_id: r.id,
    store_id: r.store_id,
    sequence_id: r.sequence_id,
    order_id: r.order_id,
    order_name: orderName,
    customer_id: r.customer_id,
    state: r.state,
    due_at: r.due_at,
    due_basis: r.due_basis,
    fulfilled_at: r.fulfilled_at,
    delivered_at: r.delivered_at,
    sent_at: r.sent_at,
    cancelled_at: r.cancelled_at,
    cancel_reason: r.cancel_reason,
    completed_at: r.completed_at,
    created_at: r.created_at,
    review_url: reviewUrl(publicUrl, r.token),
    products: products.map((p) => ({
      product_id: p.shopify_product_id,
      variant_id: p.shopify_variant_id,
      title: p.product_title,
      variant_title: p.variant_title,
      sku: p.sku,
      review_url: reviewUrl(publicUrl, r.token, p.shopify_product_id),
      review_id: p.review_id,
      reviewed_at: p.reviewed_at,
    })),
  };
}

export async function loadReviewRequestViews(
  db: Kysely<ReviewsSchema>,
  publicUrl: string,
  storeId: string,
  filter: { state?: ReviewRequestsTable['state']; orderId?: string; id?: string; limit: number },
): Promise<ReviewRequestView[]> {
  const rows = await db
    .selectFrom('review_requests')
    .innerJoin('orders', 'orders.id', 'review_requests.order_id')
    .selectAll('review_requests')
    .select('orders.name as order_name')
    .where('review_requests.store_id', '=', storeId)
    .$if(filter.state !== undefined, (q) => q.where('review_requests.state', '=', filter.state as ReviewRequestsTable['state']))
    .$if(filter.orderId !== undefined, (q) => q.where('review_requests.order_id', '=', filter.orderId as string))
    .$if(filter.id !== undefined, (q) => q.where('review_requests.id', '=', filter.id as string))
    .orderBy('review_requests.created_at', 'desc')
    .orderBy('review_requests.id')
    .limit(filter.limit)
    .execute();
  const views: ReviewRequestView[] = [];
  for (const { order_name, ...r } of rows) views.push(reviewRequestView(publicUrl, r, order_name, await requestProducts(db, r.id)));
  return views;
}
