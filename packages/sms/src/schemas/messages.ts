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
