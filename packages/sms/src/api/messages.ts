import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { SmsContext } from '../context.js';
import { listOutbox } from '../messages/list.js';
import { MessageView } from '../schemas/messages.js';
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
}
