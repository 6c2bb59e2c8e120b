import type { Kysely } from 'kysely';
import type { ReviewsSchema, ReviewsTable, Sentiment } from '../db/schema.js';
import type { ReviewView } from '../schemas/reviews.js';

export interface ReviewFilter {
  productId?: string;
  customerId?: string;
  rating?: number;
  sentiment?: Sentiment;
  limit: number;
}

/** A store's reviews, newest first, optionally of one product, one customer, one rating or one sentiment. */
export async function listReviews(db: Kysely<ReviewsSchema>, storeId: string, filter: ReviewFilter): Promise<ReviewsTable[]> {
  return db
    .selectFrom('reviews')
    .selectAll()
    .where('store_id', '=', storeId)
    .$if(filter.productId !== undefined, (q) => q.where('shopify_product_id', '=', filter.productId as string))
    .$if(filter.customerId !== undefined, (q) => q.where('customer_id', '=', filter.customerId as string))
    .$if(filter.rating !== undefined, (q) => q.where('rating', '=', filter.rating as number))
    .$if(filter.sentiment !== undefined, (q) => q.where('sentiment', '=', filter.sentiment as Sentiment))
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
