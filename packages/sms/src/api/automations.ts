import { Type } from '@fastify/type-provider-typebox';
import type { HttpApp } from '@rapport/kit';
import {
  createAutomation,
  deleteAutomation,
  getAutomation,
  listAutomations,
  MAX_BODY,
  MAX_DELAY_MINUTES,
  MAX_STEPS,
  updateAutomation,
} from '../automations/legacy/store.js';
import type { SmsContext } from '../context.js';
import { requireApiKey, SECURITY, shopOf } from './auth.js';
import { errors, IdParam } from './schemas.js';

/**
 * Our extension (Postscript has no public automation API): legacy automations under /api/automations,
 * authenticated with the same private key.
 */

const Step = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: MAX_BODY, description: 'Text with {tag} placeholders; {tag|fallback} for a default' }),
    delay_minutes: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_DELAY_MINUTES,
        description: 'Wait after the previous step (the first step: after the fire); default 0',
      }),
    ),
  },
  { additionalProperties: false },
);

const CreateBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    trigger: Type.String({ minLength: 1, maxLength: 255, description: 'Trigger name, e.g. "Okendo Review Request"' }),
    messages: Type.Array(Step, { minItems: 1, maxItems: MAX_STEPS }),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);

const UpdateBody = Type.Partial(CreateBody, { additionalProperties: false });

const AutomationResponse = Type.Object({
  id: Type.String(),
  kind: Type.Literal('legacy'),
  name: Type.String(),
  trigger: Type.Object({ id: Type.String(), name: Type.String() }),
  messages: Type.Array(
    Type.Object({
      body: Type.String(),
      delay_minutes: Type.Integer(),
      segments: Type.Integer(),
      encoding: Type.String(),
      warnings: Type.Array(Type.String()),
    }),
  ),
  enabled: Type.Boolean(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export function registerAutomationRoutes(app: HttpApp, ctx: SmsContext): void {
  const auth = requireApiKey(ctx);
  const tags = ['automations'];

  app.get(
    '/api/automations',
    {
      schema: {
        tags,
        summary: 'Extension: list legacy automations',
        security: SECURITY,
        response: { 200: Type.Object({ automations: Type.Array(AutomationResponse) }), ...errors(401) },
      },
      preHandler: auth,
    },
    async (request) => ({ automations: await listAutomations(ctx.db, shopOf(request).shopId) }),
  );

  app.post(
    '/api/automations',
    {
      schema: {
        tags,
        summary: 'Extension: create a legacy automation on a registered trigger',
        security: SECURITY,
        body: CreateBody,
        response: { 201: AutomationResponse, ...errors(400, 401, 422) },
      },
      preHandler: auth,
    },
    async (request, reply) => reply.code(201).send(await createAutomation(ctx.db, ctx.clock.now(), shopOf(request).shopId, request.body)),
  );

  app.get(
    '/api/automations/:id',
    {
      schema: {
        tags,
        summary: 'Extension: get a legacy automation',
        security: SECURITY,
        params: IdParam,
        response: { 200: AutomationResponse, ...errors(401, 404) },
      },
      preHandler: auth,
    },
    async (request) => getAutomation(ctx.db, shopOf(request).shopId, request.params.id),
  );

  app.patch(
    '/api/automations/:id',
    {
      schema: {
        tags,
        summary: 'Extension: change a legacy automation (name, trigger, messages, the Enabled toggle)',
        security: SECURITY,
        params: IdParam,
        body: UpdateBody,
        response: { 200: AutomationResponse, ...errors(400, 401, 404, 422) },
      },
      preHandler: auth,
    },
    async (request) => updateAutomation(ctx.db, ctx.clock.now(), shopOf(request).shopId, request.params.id, request.body),
  );

  app.delete(
    '/api/automations/:id',
    {
      schema: {
        tags,
        summary: 'Extension: delete a legacy automation',
        security: SECURITY,
        params: IdParam,
        response: { 200: Type.Object({ id: Type.String(), deleted: Type.Boolean() }), ...errors(401, 404) },
      },
      preHandler: auth,
    },
    async (request) => {
      await deleteAutomation(ctx.db, ctx.clock.now(), shopOf(request).shopId, request.params.id);
      return { id: request.params.id, deleted: true };
    },
  );
}
