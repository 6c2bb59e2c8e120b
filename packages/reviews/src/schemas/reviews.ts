import Type, { type Static } from 'typebox';
import { Nullable } from './common.js';

export const SentimentLabel = Type.Union([
  Type.Literal('positive'),
  Type.Literal('negative'),
  Type.Literal('neutral'),
  Type.Literal('mixed'),
]);

export const ReviewView = Type.Object({
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
  sentiment: SentimentLabel,
  reviewer_display_name: Type.String(),
  verified_buyer: Type.Boolean(),
  source: Type.String(),
  created_at: Type.String(),
});
export type ReviewView = Static<typeof ReviewView>;

/** A review with its order and reviewer, for the review's page. */
export const ReviewDetailView = Type.Object({
  review: ReviewView,
  customer: Type.Object({ customer_id: Type.String(), name: Nullable(Type.String()), email: Nullable(Type.String()) }),
  order: Nullable(
    Type.Object({
      order_id: Type.String(),
      name: Type.String(),
      order_number: Nullable(Type.String()),
      fulfillment_status: Nullable(Type.String()),
      fulfilled_at: Nullable(Type.String()),
      delivered_at: Nullable(Type.String()),
    }),
  ),
});
export type ReviewDetailView = Static<typeof ReviewDetailView>;
