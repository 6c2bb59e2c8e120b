import { Type } from '@fastify/type-provider-typebox';
import { notFound, type HttpApp } from '@rapport/kit';
import type { ReviewsContext } from '../context.js';
import { requireStoreKey, STORE_SECURITY } from './auth.js';
import { loadReviewRequestViews } from '../review-requests/views.js';
import { getStore } from '../stores/stores.js';
import { errors, Limit, Nullable, StoreParams } from './schemas.js';

const State = Type.Union([Type.Literal('scheduled'), Type.Literal('sent'), Type.Literal('completed'), Type.Literal('cancelled')]);

const ReviewRequest = Type.Object({
  review_request_id: Type.String(),
  store_id: Type.String(),
  sequence_id: Type.String(),
  order_id: Type.String(),
  order_name: Type.String(),
  customer_id: Type.String(),
  state: State,
  due_at: Type.String(),
  due_basis: Type.Union([Type.Literal('fulfillment'), Type.Literal('delivery'), Type.Literal('delivery_fallback')]),
  fulfilled_at: Type.String(),
  delivered_at: Nullable(Type.String()),
  sent_at: Nullable(Type.String()),
  cancelled_at: Nullable(Type.String()),
  cancel_reason: Nullable(Type.String()),
  completed_at: Nullable(Type.String()),
  created_at: Type.String(),
  review_url: Type.String({ description: 'The review page for every product of the order' }),
  products: Type.Array(
    Type.Object({
      product_id: Type.String(),
      variant_id: Nullable(Type.String()),
      title: Type.String(),
      variant_title: Nullable(Type.String()),
      sku: Nullable(Type.String()),
      review_url: Type.String({ description: 'The review page for this product only' }),
      review_id: Nullable(Type.String()),
      reviewed_at: Nullable(Type.String()),
    }),
  ),
});

export function registerReviewRequestRoutes(app: HttpApp, ctx: ReviewsContext): void {
  const auth = requireStoreKey(ctx);
  app.get(
    '/api/stores/:store_id/review-requests',
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['review requests'],
        summary: 'Review requests, newest first',
        params: StoreParams,
        querystring: Type.Object({ state: Type.Optional(State), limit: Type.Optional(Limit) }, { additionalProperties: false }),
        response: { 200: Type.Object({ review_requests: Type.Array(ReviewRequest) }), ...errors(401, 400, 404) },
      },
    },
    async (req) => {
      await getStore(ctx.db, req.params.store_id);
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
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['review requests'],
        summary: 'One review request with its per-product review URLs',
        params: Type.Object({ store_id: Type.String(), review_request_id: Type.String() }),
        response: { 200: ReviewRequest, ...errors(401, 404) },
      },
    },
    async (req) => {
      const [view] = await loadReviewRequestViews(ctx.db, ctx.publicUrl, req.params.store_id, {
        id: req.params.review_request_id,
        limit: 1,
      });
      if (!view)
        throw notFound(`no review request ${req.params.review_request_id} in store ${req.params.store_id}`, ['path', 'review_request_id']);
      return view;
    },
  );
}
