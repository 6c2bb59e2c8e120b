import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from '../context.js';
import { requireReviewDetail } from '../reviews/detail.js';
import { listReviews, reviewView } from '../reviews/list.js';
import { ReviewDetailView, ReviewView, SentimentLabel } from '../schemas/reviews.js';
import { requireStore } from '../stores/stores.js';
import { STORE_SECURITY, type ApiAuth } from './auth.js';
import { errors, Id, Limit, StoreParams } from './schemas.js';

export function registerReviewRoutes(app: HttpApp, ctx: ReviewsContext, auth: ApiAuth): void {
  app.get(
    '/api/stores/:store_id/reviews',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['reviews'],
        summary: 'Reviews, newest first, filtered by product, customer, rating or sentiment',
        params: StoreParams,
        querystring: Type.Object(
          {
            product_id: Type.Optional(Id()),
            customer_id: Type.Optional(Id()),
            rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
            sentiment: Type.Optional(SentimentLabel),
            limit: Type.Optional(Limit),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ reviews: Type.Array(ReviewView) }), ...errors(401, 400, 404) },
      },
    },
    async (req) => {
      await requireStore(ctx.db, req.params.store_id);
      const rows = await listReviews(ctx.db, req.params.store_id, {
        ...(req.query.product_id !== undefined ? { productId: req.query.product_id } : {}),
        ...(req.query.customer_id !== undefined ? { customerId: req.query.customer_id } : {}),
        ...(req.query.rating !== undefined ? { rating: req.query.rating } : {}),
        ...(req.query.sentiment !== undefined ? { sentiment: req.query.sentiment } : {}),
        limit: req.query.limit ?? 100,
      });
      return { reviews: rows.map(reviewView) };
    },
  );

  app.get(
    '/api/stores/:store_id/reviews/:review_id',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['reviews'],
        summary: 'One review with its reviewer and its order (order number, fulfilment)',
        params: Type.Object({ store_id: Id(), review_id: Id() }),
        response: { 200: ReviewDetailView, ...errors(401, 404) },
      },
    },
    async (req) => requireReviewDetail(ctx.db, req.params.store_id, req.params.review_id),
  );
}
