import { Invalid, type HttpApp } from '@rapport/kit';
import Type from 'typebox';
import { DEV_SENDER_NUMBER, type SmsContext } from '../context.js';
import { handleInbound } from '../inbound/handle.js';
import { normalizePhone } from '../phone/normalize.js';
import { devConversation, devMessagesTo, recordDevInbound } from '../providers/dev-carrier.js';
import { errors } from '../api/schemas.js';
import { Nullable } from '../schemas/common.js';
import { phonePage } from './phone-page.js';

/**
 * The dev carrier's side of the world: what it delivered to a phone, a way for that phone to reply, and a
 * phone simulator page. Unauthenticated — registered only for development (RAPPORT_DEV=1 or SMS_PROVIDER=dev).
 */

const CarrierMessage = Type.Object({
  id: Type.String(),
  to: Type.String(),
  from: Type.String(),
  body: Type.String(),
  media_url: Type.Union([Type.String(), Type.Null()], { description: 'An MMS image' }),
  created_at: Type.String(),
});
const ConversationMessage = Type.Object({
  id: Type.String(),
  direction: Type.Union([Type.Literal('outbound'), Type.Literal('inbound')]),
  to: Type.String(),
  from: Type.String(),
  body: Type.String(),
  media_url: Type.Union([Type.String(), Type.Null()], { description: 'An MMS image' }),
  created_at: Type.String(),
});

function phoneParam(raw: string, field: string): string {
  const phone = normalizePhone(raw);
  if (!phone) throw new Invalid(`${field} "${raw}" is not a phone number`, ['query', field]);
  return phone;
}

export function registerDevCarrierRoutes(app: HttpApp, ctx: SmsContext): void {
  const tags = ['dev'];

  app.get(
    '/dev/carrier/messages',
    {
      schema: {
        tags,
        summary: 'Texts the dev carrier delivered to a phone, oldest first',
        querystring: Type.Object({ to: Type.String({ minLength: 1, maxLength: 40 }) }),
        response: { 200: Type.Object({ messages: Type.Array(CarrierMessage) }), ...errors(400) },
      },
    },
    async (request) => {
      const rows = await devMessagesTo(ctx.db, phoneParam(request.query.to, 'to'));
      return {
        messages: rows.map((r) => ({
          id: r.id,
          to: r.to_phone,
          from: r.from_phone,
          body: r.body,
          media_url: r.media_url,
          created_at: r.created_at,
        })),
      };
    },
  );

  app.get(
    '/dev/carrier/conversation',
    {
      schema: {
        tags,
        summary: 'Both directions of one phone’s conversation (what the phone simulator shows)',
        querystring: Type.Object({ phone: Type.String({ minLength: 1, maxLength: 40 }) }),
        response: { 200: Type.Object({ messages: Type.Array(ConversationMessage) }), ...errors(400) },
      },
    },
    async (request) => {
      const rows = await devConversation(ctx.db, phoneParam(request.query.phone, 'phone'));
      return {
        messages: rows.map((r) => ({
          id: r.id,
          direction: r.direction,
          to: r.to_phone,
          from: r.from_phone,
          body: r.body,
          media_url: r.media_url,
          created_at: r.created_at,
        })),
      };
    },
  );

  app.post(
    '/dev/carrier/inbound',
    {
      schema: {
        tags,
        summary: 'A reply from a phone (Y, STOP, HELP, …) as if it came through the carrier',
        body: Type.Object(
          {
            from: Type.String({ minLength: 1, maxLength: 40 }),
            body: Type.String({ maxLength: 1600 }),
            to: Type.Optional(Type.String({ maxLength: 40 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Type.String(),
            classification: Type.String(),
            shop_id: Nullable(Type.String()),
            subscriber_id: Nullable(Type.String()),
            actions: Type.Array(Type.String()),
          }),
          ...errors(400),
        },
      },
    },
    async (request) => {
      const from = normalizePhone(request.body.from);
      if (!from) throw new Invalid(`from "${request.body.from}" is not a phone number`, ['body', 'from']);
      const to = request.body.to ?? ctx.senderNumber ?? DEV_SENDER_NUMBER;
      await recordDevInbound(ctx.db, ctx.clock.now(), { from, to, body: request.body.body });
      const result = await handleInbound(ctx, { from, to, body: request.body.body, provider: 'dev' });
      const { duplicate: _duplicate, ...rest } = result;
      return rest;
    },
  );

  app.get('/dev/phone', { schema: { tags, summary: 'Phone simulator (HTML)' } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(phonePage()),
  );
}
