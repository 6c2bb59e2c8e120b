import Type, { type Static } from 'typebox';
import { Nullable } from './common.js';

/** Settings > Integrations > Email & SMS > Postscript, as the dashboard shows it (the key masked). */
export const IntegrationView = Type.Object({
  connected: Type.Boolean(),
  status: Type.Optional(Type.Union([Type.Literal('connected'), Type.Literal('needs_attention')])),
  status_reason: Type.Optional(Nullable(Type.String())),
  private_key: Type.Optional(Type.String({ description: 'Masked: "sk_…wxyz"' })),
  api_url: Type.String(),
  shop_id: Type.Optional(Type.String()),
  shop_name: Type.Optional(Type.String()),
  trigger_id: Type.Optional(Type.String({ description: 'Id of the "Okendo Review Request" trigger registered in Postscript' })),
  event_names: Type.Optional(
    Type.Union([Type.Literal('seed'), Type.Literal('postscript_safe')], {
      description: 'How event types are named on the wire: the seed\'s ("Review Created") or Postscript-safe ("review_created")',
    }),
  ),
  connected_at: Type.Optional(Type.String()),
  updated_at: Type.Optional(Type.String()),
});
export type IntegrationView = Static<typeof IntegrationView>;

export const ConnectPostscriptBody = Type.Object(
  {
    private_key: Type.String({ minLength: 1, maxLength: 200, description: 'The Private Key (sk_…) from Postscript > API' }),
    api_url: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, description: 'Postscript API base URL; defaults to the local SMS platform' }),
    ),
    event_names: Type.Optional(
      Type.Union([Type.Literal('seed'), Type.Literal('postscript_safe')], {
        description: 'Default: "seed" against Rapport, "postscript_safe" against real Postscript (which allows only [A-Za-z0-9_])',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ConnectPostscriptBody = Static<typeof ConnectPostscriptBody>;

export const DeliveryState = Type.Union([
  Type.Literal('pending'),
  Type.Literal('delivered'),
  Type.Literal('skipped'),
  Type.Literal('failed'),
]);

/** One call to Postscript and its outcome (the delivery log). */
export const DeliveryLogEntry = Type.Object({
  id: Type.String(),
  customer_id: Type.String(),
  kind: Type.Union([Type.Literal('event'), Type.Literal('trigger'), Type.Literal('profile')]),
  name: Type.String({ description: 'Event type, trigger name, or "profile"' }),
  state: DeliveryState,
  external_id: Type.String(),
  attempts: Type.Integer(),
  replays: Type.Integer(),
  last_error: Nullable(Type.String()),
  skip_reason: Nullable(Type.String({ description: 'not_a_subscriber | not_connected | invalid_properties' })),
  response: Nullable(Type.Object({ status: Type.Integer(), body: Type.String() })),
  payload: Type.Unknown(),
  created_at: Type.String(),
  updated_at: Type.String(),
  delivered_at: Nullable(Type.String()),
});
export type DeliveryLogEntry = Static<typeof DeliveryLogEntry>;

/** Sync health on the Postscript tile: calls by outcome (skipped_not_subscriber is part of skipped). */
export const DeliveryHealth = Type.Object({
  delivered: Type.Integer(),
  failed: Type.Integer(),
  pending: Type.Integer(),
  skipped: Type.Integer(),
  skipped_not_subscriber: Type.Integer({
    description: 'Skipped because the customer is not an SMS subscriber (by design: none is created)',
  }),
});
export type DeliveryHealth = Static<typeof DeliveryHealth>;

/** The connect-time backfill of Okendo profile properties (integrations/postscript/backfill.ts). */
export const BackfillView = Type.Object({
  backfill: Nullable(
    Type.Object({
      backfill_id: Type.String(),
      state: Type.Union([Type.Literal('running'), Type.Literal('done')], {
        description: 'running while customers are still being looked at; done once every customer was',
      }),
      total: Type.Integer({ description: 'Customers with an email or a phone (those Postscript could know)' }),
      scanned: Type.Integer({ description: 'Customers looked at so far' }),
      up_to_date: Type.Integer({ description: 'Looked at, nothing to send (Postscript already has these values)' }),
      patches: Type.Object({
        written: Type.Integer(),
        delivered: Type.Integer(),
        pending: Type.Integer(),
        not_subscribers: Type.Integer({ description: 'Skipped: not an SMS subscriber (none is created)' }),
        failed: Type.Integer(),
      }),
      settled: Type.Integer({ description: 'Customers whose outcome is known (the progress bar: settled of total)' }),
      finished: Type.Boolean({ description: 'Every customer looked at and every patch settled' }),
      started_at: Type.String(),
      finished_at: Nullable(Type.String()),
    }),
  ),
});
export type BackfillView = Static<typeof BackfillView>;
