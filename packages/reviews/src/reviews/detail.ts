import { NotFound } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { ReviewsSchema } from '../db/schema.js';
import type { ReviewDetailView } from '../schemas/reviews.js';
import { reviewView } from './list.js';

/** One review with its reviewer and the order it was written for (none for a review without a request). */
export async function requireReviewDetail(db: Kysely<ReviewsSchema>, storeId: string, reviewId: string): Promise<ReviewDetailView> {
  const review = await db.selectFrom('reviews').selectAll().where('store_id', '=', storeId).where('id', '=', reviewId).executeTakeFirst();
  if (!review) throw new NotFound(`no review ${reviewId} in store ${storeId}`, ['path', 'review_id']);
  const customer = await db
    .selectFrom('customers')
    .select(['id', 'first_name', 'last_name', 'email'])
    .where('id', '=', review.customer_id)
    .executeTakeFirstOrThrow();
  const order = review.order_id
    ? await db
        .selectFrom('orders')
        .select(['id', 'name', 'order_number', 'fulfillment_status', 'fulfilled_at', 'delivered_at'])
        .where('id', '=', review.order_id)
        .executeTakeFirst()
    : undefined;
  return {
    review: reviewView(review),
    customer: {
      customer_id: customer.id,
      name: [customer.first_name, customer.last_name].filter(Boolean).join(' ') || null,
      email: customer.email,
    },
    order: order
      ? {
          order_id: order.id,
          name: order.name,
          order_number: order.order_number,
          fulfillment_status: order.fulfillment_status,
          fulfilled_at: order.fulfilled_at,
          delivered_at: order.delivered_at,
        }
      : null,
  };
}
