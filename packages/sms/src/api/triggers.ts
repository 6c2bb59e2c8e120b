import { CreateTriggerBody } from '@rapport/contract';
import { Type } from '@fastify/type-provider-typebox';
import type { HttpApp } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import { idempotencyKeyOf } from '../idempotency/store.js';
import { fireTrigger } from '../triggers/fire.js';
import { deleteTrigger, listTriggers, registerTrigger, requireTrigger, triggerView } from '../triggers/store.js';
import { requireApiKey, SECURITY, shopOf } from './auth.js';
import { errors, IdempotencyHeaders, IdParam } from './schemas.js';

const TriggerResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  tags: Type.Array(Type.String()),
  transactional_allowed: Type.Boolean(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

const RegisterBody = Type.Object(
  { ...CreateTriggerBody.properties, name: Type.String({ minLength: 1, maxLength: 255 }) },
  { additionalProperties: false },
);

/** @rapport/contract's FireTriggerBody, plus null (a missing value, so the template's fallback applies). */
const FireBody = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]), {
  description: 'Tag values keyed by tag key, e.g. {"review_url": "https://…"}',
});

export function registerTriggerRoutes(app: HttpApp, ctx: SmsContext): void {
  const auth = requireApiKey(ctx);

  app.post(
    '/v1/triggers',
    {
      schema: {
        tags: ['triggers'],
        summary: 'Register a partner trigger for this shop (idempotent by name: re-registering updates its tags)',
        security: SECURITY,
        body: RegisterBody,
        response: { 200: TriggerResponse, 201: TriggerResponse, ...errors(400, 401) },
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const { trigger, created } = await registerTrigger(ctx.db, ctx.clock.now(), shopOf(request).shopId, request.body);
      return reply.code(created ? 201 : 200).send(triggerView(trigger));
    },
  );

  app.get(
    '/v1/triggers',
    {
      schema: {
        tags: ['triggers'],
        summary: "List this shop's triggers",
        security: SECURITY,
        response: { 200: Type.Object({ triggers: Type.Array(TriggerResponse) }), ...errors(401) },
      },
      preHandler: auth,
    },
    async (request) => ({ triggers: (await listTriggers(ctx.db, shopOf(request).shopId)).map(triggerView) }),
  );

  app.get(
    '/v1/triggers/:id',
    {
      schema: {
        tags: ['triggers'],
        summary: 'Get a trigger',
        security: SECURITY,
        params: IdParam,
        response: { 200: TriggerResponse, ...errors(401, 404) },
      },
      preHandler: auth,
    },
    async (request) => triggerView(await requireTrigger(ctx.db, shopOf(request).shopId, request.params.id)),
  );

  app.delete(
    '/v1/triggers/:id',
    {
      schema: {
        tags: ['triggers'],
        summary: 'Delete a trigger (it can no longer fire; registering the name again restores it with its automations)',
        security: SECURITY,
        params: IdParam,
        response: { 200: Type.Object({ id: Type.String(), deleted: Type.Boolean() }), ...errors(401, 404) },
      },
      preHandler: auth,
    },
    async (request) => {
      await deleteTrigger(ctx.db, ctx.clock.now(), shopOf(request).shopId, request.params.id);
      return { id: request.params.id, deleted: true };
    },
  );

  app.post(
    '/v1/triggers/:trigger_id/subscribers/:subscriber_id',
    {
      schema: {
        tags: ['triggers'],
        summary: "Fire a trigger for a subscriber with its tag values; starts the shop's enabled legacy automations on it",
        security: SECURITY,
        params: Type.Object({ trigger_id: Type.String({ minLength: 1 }), subscriber_id: Type.String({ minLength: 1 }) }),
        headers: IdempotencyHeaders,
        body: FireBody,
        response: { 202: Type.Object({ fired: Type.Boolean(), id: Type.String() }), ...errors(400, 401, 404, 422) },
      },
      // A fire may come without a body (no tag values).
      preValidation: async (request) => {
        if (request.body === undefined || request.body === null) request.body = {};
      },
      preHandler: auth,
    },
    async (request, reply) => {
      const r = await fireTrigger(ctx, {
        shopId: shopOf(request).shopId,
        triggerId: request.params.trigger_id,
        subscriberId: request.params.subscriber_id,
        tags: request.body,
        idempotencyKey: idempotencyKeyOf(request.headers),
      });
      return reply.code(202).send(r.body);
    },
  );
}
