import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import {
  createAutomation,
  deleteAutomation,
  requireAutomationView,
  listAutomations,
  previewAutomationMessage,
  updateAutomation,
} from '../automations/legacy/store.js';
import { automationTriggerOptions } from '../automations/trigger-options.js';
import type { SmsContext } from '../context.js';
import {
  AutomationTriggerList,
  AutomationView,
  CreateAutomationBody,
  MessagePreview,
  PreviewMessageBody,
  UpdateAutomationBody,
} from '../schemas/automations.js';
import { SECURITY, type ApiKeyAuth } from './auth.js';
import { errors, IdParam } from './schemas.js';

/**
 * Our extension (Postscript has no public automation API): legacy automations under /api/automations,
 * authenticated with the same private key.
 */
export function registerAutomationRoutes(app: HttpApp, ctx: SmsContext, auth: ApiKeyAuth): void {
  const tags = ['automations'];

  app.post(
    '/api/automations/preview',
    {
      onRequest: auth.onRequest,
      schema: {
        tags,
        summary: 'Extension: the editor’s live preview of a message (sample values, SMS parts, tag problems)',
        security: SECURITY,
        body: PreviewMessageBody,
        response: { 200: MessagePreview, ...errors(400, 401, 422) },
      },
    },
    async (request) => previewAutomationMessage(ctx.db, auth.principal(request).shopId, request.body),
  );

  app.get(
    '/api/automation-triggers',
    {
      onRequest: auth.onRequest,
      schema: {
        tags,
        summary:
          'Extension: the Automation Trigger list — partner triggers, the 19 Okendo event types with their properties, and the other event types the shop has sent',
        security: SECURITY,
        response: { 200: AutomationTriggerList, ...errors(401) },
      },
    },
    async (request) => ({ triggers: await automationTriggerOptions(ctx.db, auth.principal(request).shopId) }),
  );

  app.get(
    '/api/automations',
    {
      onRequest: auth.onRequest,
      schema: {
        tags,
        summary: 'Extension: list legacy automations',
        security: SECURITY,
        response: { 200: Type.Object({ automations: Type.Array(AutomationView) }), ...errors(401) },
      },
    },
    async (request) => ({ automations: await listAutomations(ctx.db, auth.principal(request).shopId) }),
  );

  app.post(
    '/api/automations',
    {
      onRequest: auth.onRequest,
      schema: {
        tags,
        summary: 'Extension: create a legacy automation on a partner trigger or an event type',
        security: SECURITY,
        body: CreateAutomationBody,
        response: { 201: AutomationView, ...errors(400, 401, 422) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createAutomation(ctx.db, ctx.clock.now(), auth.principal(request).shopId, request.body)),
  );

  app.get(
    '/api/automations/:id',
    {
      onRequest: auth.onRequest,
      schema: {
        tags,
        summary: 'Extension: get a legacy automation',
        security: SECURITY,
        params: IdParam,
        response: { 200: AutomationView, ...errors(401, 404) },
      },
    },
    async (request) => requireAutomationView(ctx.db, auth.principal(request).shopId, request.params.id),
  );

  app.patch(
    '/api/automations/:id',
    {
      onRequest: auth.onRequest,
      schema: {
        tags,
        summary: 'Extension: change a legacy automation (name, trigger, messages, the Enabled toggle)',
        security: SECURITY,
        params: IdParam,
        body: UpdateAutomationBody,
        response: { 200: AutomationView, ...errors(400, 401, 404, 422) },
      },
    },
    async (request) => updateAutomation(ctx.db, ctx.clock.now(), auth.principal(request).shopId, request.params.id, request.body),
  );

  app.delete(
    '/api/automations/:id',
    {
      onRequest: auth.onRequest,
      schema: {
        tags,
        summary: 'Extension: delete a legacy automation',
        security: SECURITY,
        params: IdParam,
        response: { 200: Type.Object({ id: Type.String(), deleted: Type.Boolean() }), ...errors(401, 404) },
      },
    },
    async (request) => {
      await deleteAutomation(ctx.db, ctx.clock.now(), auth.principal(request).shopId, request.params.id);
      return { id: request.params.id, deleted: true };
    },
  );
}
