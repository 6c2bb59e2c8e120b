import type { Kysely } from 'kysely';
import type { ReviewsSchema, ReviewsTable } from '../db/schema.js';
import type { ReviewView } from '../schemas/reviews.js';

/** A store's reviews, newest first, optionally of one product. */
export async function listReviews(
  db: Kysely<ReviewsSchema>,
  storeId: string,
  filter: { productId?: string; limit: number },
): Promise<ReviewsTable[]> {
  return db
    .selectFrom('reviews')
    .selectAll()
    .where('store_id', '=', storeId)
    .$if(filter.productId !== undefined, (q) => q.where('shopify_product_id', '=', filter.productId as string))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(filter.limit)
    .execute();
}

export function reviewView(r: ReviewsTable): ReviewView {
  return {
    review_id: r.id,
    customer_id: r.customer_id,
    review_request_id: r.review_request_id,
    product_id: r.shopify_product_id,
    product_title: r.product_title,
    variant_id: r.shopify_variant_id,
    variant_title: r.variant_title,
    rating: r.rating,
    title: r.title,
    body: r.body,
    is_recommended: r.is_recommended === 1,
    sentiment: r.sentiment,
    reviewer_display_name: r.reviewer_display_name,
    verified_buyer: r.verified === 1,
    source: r.source,
    created_at: r.created_at,
  };
}
