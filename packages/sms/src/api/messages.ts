import { Type } from '@fastify/type-provider-typebox';
import type { HttpApp } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import { listOutbox } from '../messages/list.js';
import { requireApiKey, SECURITY, shopOf } from './auth.js';
import { errors, Nullable } from './schemas.js';

const MessageResponse = Type.Object({
  id: Type.String(),
  to: Type.String(),
  body: Type.String(),
  status: Type.String({ description: 'queued | dispatching | sent | failed | suppressed' }),
  status_reason: Nullable(Type.String()),
  purpose: Type.String(),
  subscriber_id: Nullable(Type.String()),
  automation_id: Nullable(Type.String()),
  segments: Type.Integer(),
  encoding: Type.String(),
  warnings: Type.Array(Type.String()),
  send_at: Type.String(),
  held_until: Nullable(Type.String({ description: 'Held by quiet hours until this instant' })),
  sent_at: Nullable(Type.String()),
  provider_message_id: Nullable(Type.String()),
  delivery_status: Nullable(Type.String()),
  created_at: Type.String(),
});

export function registerMessageRoutes(app: HttpApp, ctx: SmsContext): void {
  app.get(
    '/api/messages',
    {
      schema: {
        tags: ['messages'],
        summary: "Extension: the shop's outbox (every text and its state), oldest first",
        security: SECURITY,
        querystring: Type.Object({ to: Type.Optional(Type.String({ description: 'Recipient, any phone format' })) }),
        response: { 200: Type.Object({ messages: Type.Array(MessageResponse) }), ...errors(400, 401) },
      },
      preHandler: requireApiKey(ctx),
    },
    async (request) => ({ messages: await listOutbox(ctx.db, shopOf(request).shopId, request.query.to) }),
  );
}
