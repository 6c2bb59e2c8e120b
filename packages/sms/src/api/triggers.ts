import { CreateTriggerBody, WIRE_LIMITS } from '@rapport/contract';
import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { SmsContext } from '../context.js';
import { idempotencyKeyOf } from '../idempotency/store.js';
import { fireTrigger } from '../triggers/fire.js';
import { FireResult, TriggerView } from '../schemas/triggers.js';
import { deleteTrigger, listTriggers, registerTrigger, requireTrigger, triggerView } from '../triggers/store.js';
import { SECURITY, type ApiKeyAuth } from './auth.js';
import { errors, IdempotencyHeaders, IdParam } from './schemas.js';

const RegisterBody = Type.Object({ ...CreateTriggerBody.properties }, { additionalProperties: false });

/** @rapport/contract's FireTriggerBody, plus null (a missing value, so the template's fallback applies). */
const FireBody = Type.Record(
  Type.String({ maxLength: WIRE_LIMITS.id }),
  Type.Union([Type.String({ maxLength: WIRE_LIMITS.text }), Type.Number(), Type.Boolean(), Type.Null()]),
  { maxProperties: WIRE_LIMITS.triggerTags, description: 'Tag values keyed by tag key, e.g. {"review_url": "https://…"}' },
);

export function registerTriggerRoutes(app: HttpApp, ctx: SmsContext, auth: ApiKeyAuth): void {
  app.post(
    '/v1/triggers',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['triggers'],
        summary: 'Register a partner trigger for this shop (idempotent by name: re-registering updates its tags)',
        security: SECURITY,
        body: RegisterBody,
        response: { 200: TriggerView, 201: TriggerView, ...errors(400, 401) },
      },
    },
    async (request, reply) => {
      const { trigger, created } = await registerTrigger(ctx.db, ctx.clock.now(), auth.principal(request).shopId, request.body);
      return reply.code(created ? 201 : 200).send(triggerView(trigger));
    },
  );

  app.get(
    '/v1/triggers',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['triggers'],
        summary: "List this shop's triggers",
        security: SECURITY,
        response: { 200: Type.Object({ triggers: Type.Array(TriggerView) }), ...errors(401) },
      },
    },
    async (request) => ({ triggers: (await listTriggers(ctx.db, auth.principal(request).shopId)).map(triggerView) }),
  );

  app.get(
    '/v1/triggers/:id',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['triggers'],
        summary: 'Get a trigger',
        security: SECURITY,
        params: IdParam,
        response: { 200: TriggerView, ...errors(401, 404) },
      },
    },
    async (request) => triggerView(await requireTrigger(ctx.db, auth.principal(request).shopId, request.params.id)),
  );

  app.delete(
    '/v1/triggers/:id',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['triggers'],
        summary: 'Delete a trigger (it can no longer fire; registering the name again restores it with its automations)',
        security: SECURITY,
        params: IdParam,
        response: { 200: Type.Object({ id: Type.String(), deleted: Type.Boolean() }), ...errors(401, 404) },
      },
    },
    async (request) => {
      await deleteTrigger(ctx.db, ctx.clock.now(), auth.principal(request).shopId, request.params.id);
      return { id: request.params.id, deleted: true };
    },
  );

  app.post(
    '/v1/triggers/:trigger_id/subscribers/:subscriber_id',
    {
      onRequest: auth.onRequest,
      schema: {
        tags: ['triggers'],
        summary: "Fire a trigger for a subscriber with its tag values; starts the shop's enabled legacy automations on it",
        security: SECURITY,
        params: Type.Object({
          trigger_id: Type.String({ minLength: 1, maxLength: 100 }),
          subscriber_id: Type.String({ minLength: 1, maxLength: 100 }),
        }),
        headers: IdempotencyHeaders,
        body: FireBody,
        response: { 202: FireResult, ...errors(400, 401, 404, 422) },
      },
      // A fire may come without a body (no tag values).
      preValidation: async (request) => {
        if (request.body === undefined || request.body === null) request.body = {};
      },
    },
    async (request, reply) => {
      const r = await fireTrigger(ctx, {
        shopId: auth.principal(request).shopId,
        triggerId: request.params.trigger_id,
        subscriberId: request.params.subscriber_id,
        tags: request.body,
        idempotencyKey: idempotencyKeyOf(request.headers),
      });
      return reply.code(202).send(r.body);
    },
  );
}
