import { NotFound, type HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from '../context.js';
import { loadReviewRequestViews } from '../review-requests/views.js';
import { ReviewRequestState, ReviewRequestView } from '../schemas/review-requests.js';
import { requireStore } from '../stores/stores.js';
import { STORE_SECURITY, type ApiAuth } from './auth.js';
import { errors, Id, Limit, StoreParams } from './schemas.js';

export function registerReviewRequestRoutes(app: HttpApp, ctx: ReviewsContext, auth: ApiAuth): void {
  app.get(
    '/api/stores/:store_id/review-requests',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['review requests'],
        summary: 'Review requests, newest first',
        params: StoreParams,
        querystring: Type.Object(
          { state: Type.Optional(ReviewRequestState), limit: Type.Optional(Limit) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ review_requests: Type.Array(ReviewRequestView) }), ...errors(401, 400, 404) },
      },
    },
    async (req) => {
      await requireStore(ctx.db, req.params.store_id);
      const views = await loadReviewRequestViews(ctx.db, ctx.publicUrl, req.params.store_id, {
        ...(req.query.state ? { state: req.query.state } : {}),
        limit: req.query.limit ?? 100,
      });
      return { review_requests: views };
    },
  );

  app.get(
    '/api/stores/:store_id/review-requests/:review_request_id',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['review requests'],
        summary: 'One review request with its per-product review URLs',
        params: Type.Object({ store_id: Id(), review_request_id: Id() }),
        response: { 200: ReviewRequestView, ...errors(401, 404) },
      },
    },
    async (req) => {
      const [view] = await loadReviewRequestViews(ctx.db, ctx.publicUrl, req.params.store_id, {
        id: req.params.review_request_id,
        limit: 1,
      });
      if (!view)
        throw new NotFound(`no review request ${req.params.review_request_id} in store ${req.params.store_id}`, [
          'path',
          'review_request_id',
        ]);
      return view;
    },
  );
}
