import Type, { type Static } from 'typebox';
import { Nullable } from './common.js';

export const ReviewRequestState = Type.Union([
  Type.Literal('scheduled'),
  Type.Literal('sent'),
  Type.Literal('completed'),
  Type.Literal('cancelled'),
]);

export const ReviewRequestView = Type.Object({
  review_request_id: Type.String(),
  store_id: Type.String(),
  sequence_id: Type.String(),
  order_id: Type.String(),
  order_name: Type.String(),
  customer_id: Type.String(),
  state: ReviewRequestState,
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
export type ReviewRequestView = Static<typeof ReviewRequestView>;
