import { CustomEventBody, CustomEventResponse } from '@rapport/contract';
import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { SmsContext } from '../context.js';
import { listEventDefinitions } from '../events/definitions.js';
import { EventIngest } from '../events/ingest.js';
import { listSubscriberEvents } from '../events/list.js';
import { idempotencyKeyOf } from '../idempotency/store.js';
import { requireSubscriber } from '../subscribers/find.js';
import { SECURITY, type ApiKeyAuth } from './auth.js';
import { EventDefinitionView, EventView } from '../schemas/events.js';
import { errors, IdempotencyHeaders } from './schemas.js';

/** Events one batch request may carry. */
export const MAX_BATCH = 100;

/** Returns the service's one ingest, which the link clicks' events go through too. */
export function registerEventRoutes(app: HttpApp, ctx: SmsContext, auth: ApiKeyAuth): EventIngest {
  // One per service: every POST of this process shares its group commits.
  const events = new EventIngest(ctx);

  for (const path of ['/api/v2/events', '/api/v2/custom-events']) {
    app.post(
      path,
      {
        onRequest: auth.onRequest,
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
      },
      async (request, reply) => {
        const r = await events.ingest(auth.principal(request).shopId, request.body, idempotencyKeyOf(request.headers));
        return reply.code(202).send(r.body);
      },
    );
  }

  app.post(
    '/api/v2/events/batch',
    {
      onRequest: auth.onRequest,
      bodyLimit: 1024 * 1024,
      schema: {
        tags: ['events'],
        summary: `Extension: up to ${MAX_BATCH} custom events in one request (Postscript has no batch form)`,
        description:
          'Each event is what POST /api/v2/events takes, without an Idempotency-Key (use external_id to make retries safe). A bad event refuses the whole request with a 400 naming body.events.<i>.<field>; otherwise every event is stored before the 202, which lists their ids in order.',
        security: SECURITY,
        body: Type.Object({ events: Type.Array(CustomEventBody, { minItems: 1, maxItems: MAX_BATCH }) }, { additionalProperties: false }),
        response: { 202: CustomEventResponse, ...errors(400, 401, 413) },
      },
    },
    async (request, reply) => reply.code(202).send(await events.ingestMany(auth.principal(request).shopId, request.body.events)),
  );

  app.get(
    '/api/v2/events',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['events'],
        summary: "Extension: a subscriber's events, newest first",
        security: SECURITY,
        querystring: Type.Object({
          subscriber_id: Type.String({ minLength: 1, maxLength: 100 }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'default 100' })),
        }),
        response: { 200: Type.Object({ events: Type.Array(EventView) }), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const shopId = auth.principal(request).shopId;
      await requireSubscriber(ctx.db, shopId, request.query.subscriber_id, ['query', 'subscriber_id']);
      return { events: await listSubscriberEvents(ctx.db, shopId, request.query.subscriber_id, request.query.limit ?? 100) };
    },
  );

  app.get(
    '/api/event-definitions',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['events'],
        summary: 'Extension: event types for trigger and tag pickers — the Okendo catalog plus every type this shop has sent',
        security: SECURITY,
        response: { 200: Type.Object({ event_definitions: Type.Array(EventDefinitionView) }), ...errors(401) },
      },
    },
    async (request) => ({ event_definitions: await listEventDefinitions(ctx.db, auth.principal(request).shopId) }),
  );
  return events;
}
