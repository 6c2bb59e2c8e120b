import Type, { type Static } from 'typebox';
import { Nullable } from './common.js';
import { ReviewRequestState } from './review-requests.js';

/**
 * Why an order has no review request. The first six are the recruitment rules (sequences/eligibility.ts);
 * `no_sequence_running` when no sequence was running to recruit it; `not_evaluated` when every rule is met
 * but the order has not been looked at since (its next webhook recruits it).
 */
export const NotRecruitedReason = Type.Union([
  Type.Literal('cancelled'),
  Type.Literal('refunded'),
  Type.Literal('not_paid'),
  Type.Literal('not_fulfilled'),
  Type.Literal('no_contact'),
  Type.Literal('no_products'),
  Type.Literal('fulfilled_before_sequence_start'),
  Type.Literal('no_sequence_running'),
  Type.Literal('not_evaluated'),
]);
export type NotRecruitedReason = Static<typeof NotRecruitedReason>;

/** An order's review request as the Orders screen shows it: the newest request, or why there is none. */
export const OrderReviewStatus = Type.Union([
  Type.Object({
    state: ReviewRequestState,
    review_request_id: Type.String(),
    sequence_id: Type.String(),
    due_at: Type.String({ description: 'When the request is (or was) due to go out' }),
    sent_at: Nullable(Type.String()),
    completed_at: Nullable(Type.String()),
    cancelled_at: Nullable(Type.String()),
    cancel_reason: Nullable(Type.String({ description: 'cancelled | refunded | sequence_stopped' })),
  }),
  Type.Object({
    state: Type.Literal('not_recruited'),
    reason: NotRecruitedReason,
  }),
]);
export type OrderReviewStatus = Static<typeof OrderReviewStatus>;

export const OrderView = Type.Object({
  order_id: Type.String(),
  name: Type.String({ description: 'Shopify display name, "#1001"' }),
  order_number: Nullable(Type.String()),
  customer_id: Nullable(Type.String()),
  customer_name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  financial_status: Nullable(Type.String()),
  fulfillment_status: Nullable(Type.String()),
  fulfilled_at: Nullable(Type.String({ description: 'When the order became fully fulfilled' })),
  delivered_at: Nullable(Type.String()),
  cancelled_at: Nullable(Type.String()),
  refunded_at: Nullable(Type.String()),
  created_at: Type.String(),
  review_request: OrderReviewStatus,
});
export type OrderView = Static<typeof OrderView>;

export const OrderDetailView = Type.Object({
  ...OrderView.properties,
  line_items: Type.Array(
    Type.Object({
      product_id: Nullable(Type.String()),
      title: Type.String(),
      variant_title: Nullable(Type.String()),
      quantity: Type.Integer(),
    }),
  ),
  /** Every request of the order, newest first (one per sequence that recruited it). */
  review_requests: Type.Array(OrderReviewStatus),
});
export type OrderDetailView = Static<typeof OrderDetailView>;
