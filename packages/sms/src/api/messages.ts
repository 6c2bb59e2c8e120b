import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { SmsContext } from '../context.js';
import { listOutbox } from '../messages/list.js';
import { listOutboxPage } from '../messages/outbox-page.js';
import { MessageView, OutboxPageView, OutboxState } from '../schemas/messages.js';
import { SECURITY, type ApiKeyAuth } from './auth.js';
import { errors } from './schemas.js';

export function registerMessageRoutes(app: HttpApp, ctx: SmsContext, auth: ApiKeyAuth): void {
  app.get(
    '/api/messages',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['messages'],
        summary: "Extension: the shop's outbox (every text and its state), oldest first",
        security: SECURITY,
        querystring: Type.Object({ to: Type.Optional(Type.String({ maxLength: 40, description: 'Recipient, any phone format' })) }),
        response: { 200: Type.Object({ messages: Type.Array(MessageView) }), ...errors(400, 401) },
      },
    },
    async (request) => ({ messages: await listOutbox(ctx.db, auth.principal(request).shopId, request.query.to) }),
  );

  app.get(
    '/api/outbox',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['messages'],
        summary: 'Extension: the Messages screen — the outbox newest first, each text with its state and why it waits or was not sent',
        security: SECURITY,
        querystring: Type.Object(
          {
            state: Type.Optional(OutboxState),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
            page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: OutboxPageView, ...errors(400, 401) },
      },
    },
    async (request) =>
      listOutboxPage(ctx.db, auth.principal(request).shopId, {
        state: request.query.state,
        page: request.query.page ?? 1,
        pageSize: request.query.page_size ?? 25,
      }),
  );
}
