import Type, { type Static } from 'typebox';
import { Nullable } from './common.js';

/** One text of the outbox, with its state and why it is in it. */
export const MessageView = Type.Object({
  id: Type.String(),
  to: Type.String(),
  body: Type.String(),
  status: Type.String({ description: 'queued | dispatching | sent | failed | suppressed' }),
  status_reason: Nullable(Type.String()),
  purpose: Type.String(),
  subscriber_id: Nullable(Type.String()),
  automation_id: Nullable(Type.String()),
  segments: Type.Integer({ description: 'SMS parts' }),
  encoding: Type.String(),
  warnings: Type.Array(Type.String()),
  send_at: Type.String(),
  held_until: Nullable(Type.String({ description: 'Held by quiet hours until this instant' })),
  sent_at: Nullable(Type.String()),
  provider_message_id: Nullable(Type.String()),
  delivery_status: Nullable(Type.String()),
  created_at: Type.String(),
});
export type MessageView = Static<typeof MessageView>;

/** The outbox as the Messages screen lists it. `state` folds a held text out of `queued`. */
export const OutboxState = Type.Union([
  Type.Literal('queued'),
  Type.Literal('held'),
  Type.Literal('dispatching'),
  Type.Literal('sent'),
  Type.Literal('failed'),
  Type.Literal('suppressed'),
]);
export type OutboxState = Static<typeof OutboxState>;

export const OutboxEntryView = Type.Object({
  id: Type.String(),
  to: Type.String(),
  body: Type.String(),
  state: OutboxState,
  status_reason: Nullable(
    Type.String({
      description:
        'Why suppressed: opted_out, not_confirmed, already_subscribed, carrier_opt_out, automation_disabled, automation_deleted, flow_deleted',
    }),
  ),
  held_until: Nullable(
    Type.String({ description: 'Held by quiet hours until this instant (8:00 or the state’s opening, recipient time)' }),
  ),
  purpose: Type.String(),
  subscriber_id: Nullable(Type.String()),
  automation: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  segments: Type.Integer(),
  encoding: Type.String(),
  send_at: Type.String(),
  sent_at: Nullable(Type.String()),
  delivery_status: Nullable(Type.String()),
  error: Nullable(Type.String()),
  clicks: Type.Integer({ description: 'Opens of the short links in this text' }),
  created_at: Type.String(),
});
export type OutboxEntryView = Static<typeof OutboxEntryView>;

export const OutboxPageView = Type.Object({
  messages: Type.Array(OutboxEntryView),
  total: Type.Integer(),
  page: Type.Integer(),
  page_size: Type.Integer(),
});
export type OutboxPageView = Static<typeof OutboxPageView>;
