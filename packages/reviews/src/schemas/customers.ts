import Type, { type Static } from 'typebox';
import { Nullable } from './common.js';
import { ReviewView } from './reviews.js';

export const CustomerView = Type.Object({
  customer_id: Type.String(),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String({ description: 'E.164' })),
  country_code: Nullable(Type.String()),
  postscript_subscriber_id: Nullable(Type.String()),
  review_count: Type.Integer(),
  created_at: Type.String(),
});
export type CustomerView = Static<typeof CustomerView>;

export const TimelineEntry = Type.Object({
  activity_id: Type.String(),
  type: Type.String({ description: 'review_request.sent, review_request.cancelled, review.created, …' }),
  occurred_at: Type.String(),
});
export type TimelineEntry = Static<typeof TimelineEntry>;

/** The Okendo profile properties as they were last sent to Postscript for this customer. */
export const ProfileSync = Type.Object({
  /** The newest profile call: its outcome and when. */
  last_call: Nullable(
    Type.Object({
      delivery_id: Type.String(),
      state: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('skipped'), Type.Literal('failed')]),
      skip_reason: Nullable(Type.String({ description: 'not_a_subscriber, not_connected, invalid_properties' })),
      last_error: Nullable(Type.String()),
      created_at: Type.String(),
      delivered_at: Nullable(Type.String()),
    }),
  ),
  /** Every property Postscript holds from us: the delivered patches merged, the newest value winning. */
  synced_properties: Type.Record(Type.String(), Type.Unknown()),
  /** When the newest delivered patch arrived; null when none has. */
  synced_at: Nullable(Type.String()),
});
export type ProfileSync = Static<typeof ProfileSync>;

export const CustomerProfileView = Type.Object({
  ...CustomerView.properties,
  first_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
  zone_code: Nullable(Type.String()),
  reviews: Type.Array(ReviewView),
  orders: Type.Array(Type.Object({ order_id: Type.String(), name: Type.String(), created_at: Type.String() })),
  timeline: Type.Array(TimelineEntry),
  postscript: ProfileSync,
});
export type CustomerProfileView = Static<typeof CustomerProfileView>;
