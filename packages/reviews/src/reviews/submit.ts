/**
 * Storing a review submitted through a review-request link. The token proves the purchase (verified
 * buyer). In one transaction: the product is marked reviewed (first writer wins, so a double submit
 * yields one review), the review is stored with its locally computed sentiment, the request completes
 * once every product is reviewed, and the review is recorded as an activity (which the Postscript
 * integration turns into "Review Created" plus the customer's profile patch).
 */
import { Gone, NotFound, newId, cancelJob } from '@rapport/kit';
import type { ReviewsContext } from '../context.js';
import type { ReviewRequestProductsTable, ReviewRequestsTable, ReviewsTable, ReviewsSchema } from '../db/schema.js';
import { requireCustomer } from '../customers/lookup.js';
import { requireOrder } from '../orders/orders.js';
import { findProduct } from '../products/products.js';
import { dueDedupeKey, requestProducts } from '../review-requests/requests.js';
import { customerReviewStats } from './customer-stats.js';
import { displayName, splitName } from './reviewer-name.js';
import { classifySentiment } from './sentiment.js';
import type { ReviewSubmission } from './submission.js';
import type { Kysely } from 'kysely';

export const REVIEW_SOURCE = 'review-request';

export type SubmitOutcome =
  | { status: 'created'; review: ReviewsTable; remaining: ReviewRequestProductsTable[] }
  | { status: 'already_reviewed'; product: ReviewRequestProductsTable };

export async function findRequestByToken(db: Kysely<ReviewsSchema>, token: string): Promise<ReviewRequestsTable | undefined> {
  return db.selectFrom('review_requests').selectAll().where('token', '=', token).executeTakeFirst();
}

export const requestGone = (): Gone =>
  new Gone('this review request is no longer active (the order was cancelled or refunded)', ['path', 'token']);

/** "en-US" → "en"; the form itself is English, so that is the default. */
export function languageOf(locale: string | null): string {
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(locale ?? '');
  return m ? (m[1] as string).toLowerCase() : 'en';
}

export async function submitReview(ctx: ReviewsContext, token: string, submission: ReviewSubmission): Promise<SubmitOutcome> {
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const at = now.toISOString();
    const request = await findRequestByToken(trx, token);
    if (!request) throw new NotFound('no review request for this link', ['path', 'token']);
    if (request.state === 'cancelled') throw requestGone();
    const products = await requestProducts(trx, request.id);
    const entry = products.find((p) => p.shopify_product_id === submission.productId);
    if (!entry) throw new NotFound(`product ${submission.productId} is not part of this review request`, ['body', 'product_id']);
    if (entry.review_id) return { status: 'already_reviewed' as const, product: entry };

    const reviewId = newId('rev');
    const claimed = await trx
      .updateTable('review_request_products')
      .set({ review_id: reviewId, reviewed_at: at })
      .where('id', '=', entry.id)
      .where('review_id', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return { status: 'already_reviewed' as const, product: entry };

    const order = await requireOrder(trx, request.order_id);
    const customer = await requireCustomer(trx, request.customer_id);
    const typed = submission.name ? splitName(submission.name) : null;
    const first = typed ? typed.first : (order.first_name ?? customer.first_name);
    const last = typed ? typed.last : (order.last_name ?? customer.last_name);
    const fullName = [first, last].filter(Boolean).join(' ') || null;
    const review: ReviewsTable = {
      id: reviewId,
      store_id: request.store_id,
      customer_id: request.customer_id,
      review_request_id: request.id,
      order_id: request.order_id,
      shopify_product_id: entry.shopify_product_id,
      shopify_variant_id: entry.shopify_variant_id,
      product_title: entry.product_title,
      variant_title: entry.variant_title,
      sku: entry.sku,
      rating: submission.rating,
      title: submission.title,
      body: submission.body,
      is_recommended: submission.recommend ? 1 : 0,
      sentiment: classifySentiment([submission.title, submission.body].filter(Boolean).join('. ')),
      reviewer_display_name: displayName(first, last),
      reviewer_full_name: fullName,
      country_code: order.country_code ?? customer.country_code,
      zone_code: order.zone_code ?? customer.zone_code,
      language_code: languageOf(order.locale),
      source: REVIEW_SOURCE,
      verified: 1,
      photo_count: 0,
      video_count: 0,
      created_at: at,
    };
    await trx.insertInto('reviews').values(review).execute();

    const remaining = products.filter((p) => p.id !== entry.id && !p.review_id);
    if (remaining.length === 0) {
      await trx
        .updateTable('review_requests')
        .set({ state: 'completed', completed_at: at, updated_at: at })
        .where('id', '=', request.id)
        .execute();
      // Reviewed before the request went out (the link was shared from the dashboard): nothing left to ask.
      if (request.state === 'scheduled') await cancelJob(trx, now, dueDedupeKey(request.id, request.due_version));
    }

    const history = await trx
      .selectFrom('reviews')
      .select(['rating', 'sentiment', 'photo_count', 'video_count', 'created_at'])
      .where('customer_id', '=', request.customer_id)
      .execute();
    const stats = customerReviewStats(
      history.map((r) => ({
        rating: r.rating,
        sentiment: r.sentiment,
        photoCount: r.photo_count,
        videoCount: r.video_count,
        createdAt: r.created_at,
      })),
    );
    const product = await findProduct(trx, request.store_id, entry.shopify_product_id);
    await ctx.activity.record(trx, now, {
      type: 'review.created',
      storeId: request.store_id,
      customerId: request.customer_id,
      reviewId: review.id,
      rating: review.rating,
      title: review.title,
      body: review.body,
      productName: review.product_title,
      productId: review.shopify_product_id,
      productUrl: product?.url ?? null,
      variantName: review.variant_title,
      variantId: review.shopify_variant_id,
      sku: review.sku,
      isRecommended: submission.recommend,
      sentiment: review.sentiment,
      photoCount: review.photo_count,
      videoCount: review.video_count,
      createdAt: review.created_at,
      reviewerDisplayName: review.reviewer_display_name,
      reviewerFullName: review.reviewer_full_name,
      countryCode: review.country_code,
      zoneCode: review.zone_code,
      languageCode: review.language_code,
      source: review.source,
      customerFirstName: customer.first_name ?? first,
      customerLastName: customer.last_name ?? last,
      stats,
    });
    return { status: 'created' as const, review, remaining };
  });
  if (outcome.status === 'created') ctx.wake();
  return outcome;
}
