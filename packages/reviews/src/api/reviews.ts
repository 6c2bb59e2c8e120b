import { Type } from '@fastify/type-provider-typebox';
import type { HttpApp } from '@rapport/kit';
import type { ReviewsContext } from '../context.js';
import { requireStoreKey, STORE_SECURITY } from './auth.js';
import { getStore } from '../stores/stores.js';
import { errors, Limit, Nullable, StoreParams } from './schemas.js';

const Review = Type.Object({
  review_id: Type.String(),
  customer_id: Type.String(),
  review_request_id: Nullable(Type.String()),
  product_id: Type.String(),
  product_title: Type.String(),
  variant_id: Nullable(Type.String()),
  variant_title: Nullable(Type.String()),
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  title: Nullable(Type.String()),
  body: Type.String(),
  is_recommended: Type.Boolean(),
  sentiment: Type.Union([Type.Literal('positive'), Type.Literal('negative'), Type.Literal('neutral'), Type.Literal('mixed')]),
  reviewer_display_name: Type.String(),
  verified_buyer: Type.Boolean(),
  source: Type.String(),
  created_at: Type.String(),
});

export function registerReviewRoutes(app: HttpApp, ctx: ReviewsContext): void {
  const auth = requireStoreKey(ctx);
  app.get(
    '/api/stores/:store_id/reviews',
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['reviews'],
        summary: 'Reviews, newest first',
        params: StoreParams,
        querystring: Type.Object(
          { product_id: Type.Optional(Type.String()), limit: Type.Optional(Limit) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ reviews: Type.Array(Review) }), ...errors(401, 400, 404) },
      },
    },
    async (req) => {
      await getStore(ctx.db, req.params.store_id);
      const rows = await ctx.db
        .selectFrom('reviews')
        .selectAll()
        .where('store_id', '=', req.params.store_id)
        .$if(req.query.product_id !== undefined, (q) => q.where('shopify_product_id', '=', req.query.product_id as string))
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(req.query.limit ?? 100)
        .execute();
      return {
        reviews: rows.map((r) => ({
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
        })),
      };
    },
  );
}
