import formbody from '@fastify/formbody';
import { forbidden, type HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { FastifyRequest } from 'fastify';
import twilio from 'twilio';
import type { SmsContext } from '../context.js';
import { handleInbound } from '../inbound/handle.js';
import { recordDeliveryStatus } from '../messages/delivery-status.js';
import { ErrorResponse, errors } from './schemas.js';

/**
 * Twilio's webhooks: inbound texts and delivery status callbacks (form-encoded). The X-Twilio-Signature is
 * verified (HMAC-SHA1 of the public URL + sorted params, keyed with the auth token) before anything is read;
 * without a configured auth token nothing is accepted. Inbound texts are deduped by MessageSid.
 */

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** The URL Twilio called, as it saw it (behind a proxy: X-Forwarded-Proto/Host). */
export function publicUrl(request: FastifyRequest): string {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();
  const proto = first(request.headers['x-forwarded-proto']) ?? request.protocol;
  const host = first(request.headers['x-forwarded-host']) ?? request.headers.host ?? 'localhost';
  return `${proto}://${host}${request.url}`;
}

function verify(ctx: SmsContext, request: FastifyRequest): Record<string, string> {
  const token = ctx.config.twilio.authToken;
  if (!token) throw forbidden('Twilio webhooks are disabled: TWILIO_AUTH_TOKEN is not configured');
  const signature = request.headers['x-twilio-signature'];
  const params = (request.body ?? {}) as Record<string, string>;
  if (typeof signature !== 'string' || !twilio.validateRequest(token, signature, publicUrl(request), params)) {
    throw forbidden('X-Twilio-Signature does not match this request', ['header', 'x-twilio-signature']);
  }
  return params;
}

const Sid = Type.String({ maxLength: 64 });
const Phone = Type.String({ maxLength: 40 });
const InboundForm = Type.Object({ MessageSid: Sid, From: Phone, To: Type.Optional(Phone), Body: Type.String({ maxLength: 1600 }) });
const StatusForm = Type.Object({
  MessageSid: Sid,
  MessageStatus: Type.String({ maxLength: 32 }),
  ErrorCode: Type.Optional(Type.String({ maxLength: 16 })),
});

export async function registerTwilioWebhooks(app: HttpApp, ctx: SmsContext): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(formbody);

    scope.post(
      '/webhooks/twilio/inbound',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Twilio inbound SMS webhook (keywords: STOP…, Y/START, HELP); signed with X-Twilio-Signature',
          body: InboundForm,
          response: {
            200: Type.String({ description: 'Empty TwiML: replies go out through the outbox' }),
            ...errors(400),
            403: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const p = verify(ctx, request);
        await handleInbound(ctx, {
          from: p['From'] ?? '',
          to: p['To'],
          body: p['Body'] ?? '',
          provider: 'twilio',
          providerMessageId: p['MessageSid'],
        });
        return reply.type('text/xml').send(EMPTY_TWIML);
      },
    );

    scope.post(
      '/webhooks/twilio/status',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Twilio message status callback; signed with X-Twilio-Signature',
          querystring: Type.Object({ outbox_id: Type.Optional(Type.String({ maxLength: 100 })) }),
          body: StatusForm,
          response: { 204: Type.Null(), ...errors(400), 403: ErrorResponse },
        },
      },
      async (request, reply) => {
        const p = verify(ctx, request);
        const outboxId = (request.query as { outbox_id?: string }).outbox_id;
        await recordDeliveryStatus(ctx, {
          outboxId,
          sid: p['MessageSid'] ?? '',
          status: p['MessageStatus'] ?? '',
          errorCode: p['ErrorCode'],
        });
        return reply.code(204).send();
      },
    );
  });
}
