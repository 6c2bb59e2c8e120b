import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from '../context.js';
import { listReviews, reviewView } from '../reviews/list.js';
import { ReviewView } from '../schemas/reviews.js';
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
        summary: 'Reviews, newest first',
        params: StoreParams,
        querystring: Type.Object({ product_id: Type.Optional(Id()), limit: Type.Optional(Limit) }, { additionalProperties: false }),
        response: { 200: Type.Object({ reviews: Type.Array(ReviewView) }), ...errors(401, 400, 404) },
      },
    },
    async (req) => {
      await requireStore(ctx.db, req.params.store_id);
      const rows = await listReviews(ctx.db, req.params.store_id, {
        ...(req.query.product_id !== undefined ? { productId: req.query.product_id } : {}),
        limit: req.query.limit ?? 100,
      });
      return { reviews: rows.map(reviewView) };
    },
  );
}
