import { CustomEventBody, CustomEventResponse } from '@rapport/contract';
import { Type } from '@fastify/type-provider-typebox';
import type { HttpApp } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import { listEventDefinitions } from '../events/definitions.js';
import { EventIngest } from '../events/ingest.js';
import { listSubscriberEvents } from '../events/list.js';
import { idempotencyKeyOf } from '../idempotency/store.js';
import { requireSubscriber } from '../subscribers/find.js';
import { requireApiKey, SECURITY, shopOf } from './auth.js';
import { errors, IdempotencyHeaders, Nullable } from './schemas.js';

const EventView = Type.Object({
  id: Type.String(),
  type: Type.String(),
  subscriber_id: Nullable(Type.String()),
  properties: Type.Record(Type.String(), Type.Unknown()),
  occurred_at: Type.String(),
  external_id: Nullable(Type.String()),
  created_at: Type.String(),
});

const DefinitionView = Type.Object({
  name: Type.String(),
  source: Type.Union([Type.Literal('catalog'), Type.Literal('observed'), Type.Literal('catalog+observed')]),
  description: Nullable(Type.String()),
  properties: Type.Array(Type.Object({ name: Type.String(), key: Nullable(Type.String()), type: Nullable(Type.String()) })),
  event_count: Type.Integer(),
  first_seen_at: Nullable(Type.String()),
  last_seen_at: Nullable(Type.String()),
});

export function registerEventRoutes(app: HttpApp, ctx: SmsContext): void {
  const auth = requireApiKey(ctx);
  // One per service: every POST of this process shares its group commits.
  const events = new EventIngest(ctx);

  for (const path of ['/api/v2/events', '/api/v2/custom-events']) {
    app.post(
      path,
      {
        schema: {
          tags: ['events'],
          summary: path.endsWith('custom-events') ? 'Alias of POST /api/v2/events' : 'Send a custom event (stored before the 202)',
          description:
            'Identity: subscriber_id, else phone, else email (most recent confirmed subscriber). An unknown subscriber still gets 202; the event is stored and its type becomes a definition. Replays with the same external_id or Idempotency-Key return the original id and store nothing new.',
          security: SECURITY,
          headers: IdempotencyHeaders,
          body: CustomEventBody,
          response: { 202: CustomEventResponse, ...errors(400, 401, 422) },
        },
        preHandler: auth,
      },
      async (request, reply) => {
        const r = await events.ingest(shopOf(request).shopId, request.body, idempotencyKeyOf(request.headers));
        return reply.code(202).send(r.body);
      },
    );
  }

  app.get(
    '/api/v2/events',
    {
      schema: {
        tags: ['events'],
        summary: "Extension: a subscriber's events, newest first",
        security: SECURITY,
        querystring: Type.Object({
          subscriber_id: Type.String({ minLength: 1 }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'default 100' })),
        }),
        response: { 200: Type.Object({ events: Type.Array(EventView) }), ...errors(400, 401, 404) },
      },
      preHandler: auth,
    },
    async (request) => {
      const shopId = shopOf(request).shopId;
      await requireSubscriber(ctx.db, shopId, request.query.subscriber_id, ['query', 'subscriber_id']);
      return { events: await listSubscriberEvents(ctx.db, shopId, request.query.subscriber_id, request.query.limit ?? 100) };
    },
  );

  app.get(
    '/api/event-definitions',
    {
      schema: {
        tags: ['events'],
        summary: 'Extension: event types for trigger and tag pickers — the Okendo catalog plus every type this shop has sent',
        security: SECURITY,
        response: { 200: Type.Object({ event_definitions: Type.Array(DefinitionView) }), ...errors(401) },
      },
      preHandler: auth,
    },
    async (request) => ({ event_definitions: await listEventDefinitions(ctx.db, shopOf(request).shopId) }),
  );
}
