import { RequestInvalid, type HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { SmsContext } from '../context.js';
import { flowCatalog } from '../flows/catalog.js';
import {
  createFlow,
  deleteFlow,
  listFlowRuns,
  listFlows,
  pauseFlow,
  publishFlow,
  requireFlowView,
  resumeFlow,
  updateFlow,
} from '../flows/store.js';
import { nodeShapeProblems } from '../flows/node-shape.js';
import { validateFlowGraph } from '../flows/validate-graph.js';
import { CreateFlowBody, FlowGraph, FlowProblem, FlowRunView, FlowSummary, FlowView, UpdateFlowBody } from '../schemas/flows.js';
import { SECURITY, type ApiKeyAuth } from './auth.js';
import { errors, IdParam } from './schemas.js';

const FlowProblems = Type.Object({ valid: Type.Boolean(), problems: Type.Array(FlowProblem) });

/**
 * Automation flows (our extension: Postscript has no public flow API): the graph's JSON Schema, the check a
 * flow must pass before it is published — the shape (a 400 naming the field, as everywhere) and then what
 * only the shop's catalog can say (`flows/validate-graph.ts`), answered as a list so an editor can mark
 * every problem at once — and the flows themselves: drafts, publishing, pausing, runs.
 */
export function registerFlowRoutes(app: HttpApp, ctx: SmsContext, auth: ApiKeyAuth): void {
  const tags = ['flows'];
  // A malformed step is judged by its own type's shape before the graph's schema (flows/node-shape.ts).
  const nodeShapes = (graphOf: (body: unknown) => unknown, at: (string | number)[]) => async (request: { body: unknown }) => {
    const items = nodeShapeProblems(graphOf(request.body), at);
    if (items.length > 0) throw new RequestInvalid(items);
  };
  const graphField = (body: unknown) => (typeof body === 'object' && body !== null ? (body as { graph?: unknown }).graph : undefined);
  app.get(
    '/api/flows/schema',
    {
      onRequest: auth.onRequest,
      schema: {
        tags,
        summary: 'Extension: the JSON Schema of an automation flow graph (version 1)',
        security: SECURITY,
        response: { 200: Type.Unknown({ description: 'A JSON Schema document' }), ...errors(401) },
      },
    },
    async () => FlowGraph,
  );
  app.post(
    '/api/flows/validate',
    {
      onRequest: auth.onRequest,
      preValidation: nodeShapes((body) => body, ['body']),
      schema: {
        tags,
        summary: 'Extension: check a flow graph against the shop’s triggers and event types before publishing it',
        security: SECURITY,
        body: FlowGraph,
        response: { 200: FlowProblems, ...errors(400, 401) },
      },
    },
    async (request) => {
      const problems = validateFlowGraph(request.body, await flowCatalog(ctx.db, auth.principal(request).shopId));
      return { valid: problems.length === 0, problems };
    },
  );

  const route = <S extends object>(summary: string, extra: S, hooks: { preValidation?: ReturnType<typeof nodeShapes> } = {}) => ({
    onRequest: auth.onRequest,
    ...hooks,
    schema: { tags, summary: `Extension: ${summary}`, security: SECURITY, ...extra },
  });
  const shopOf = (request: Parameters<ApiKeyAuth['principal']>[0]) => auth.principal(request).shopId;

  app.get(
    '/api/flows',
    route('list automation flows', { response: { 200: Type.Object({ flows: Type.Array(FlowSummary) }), ...errors(401) } }),
    async (request) => ({ flows: await listFlows(ctx.db, shopOf(request)) }),
  );
  app.post(
    '/api/flows',
    route(
      'create an automation flow (a draft, or published at once with `publish`)',
      {
        body: CreateFlowBody,
        response: { 201: FlowView, ...errors(400, 401, 422) },
      },
      { preValidation: nodeShapes(graphField, ['body', 'graph']) },
    ),
    async (request, reply) => reply.code(201).send(await createFlow(ctx.db, ctx.clock.now(), shopOf(request), request.body)),
  );
  app.get(
    '/api/flows/:id',
    route('get a flow: its draft, its problems, its versions and per-node counts', {
      params: IdParam,
      response: { 200: FlowView, ...errors(401, 404) },
    }),
    async (request) => requireFlowView(ctx.db, shopOf(request), request.params.id),
  );
  app.patch(
    '/api/flows/:id',
    route(
      'save a flow’s draft (a live flow keeps running its published version until the draft is published)',
      {
        params: IdParam,
        body: UpdateFlowBody,
        response: { 200: FlowView, ...errors(400, 401, 404) },
      },
      { preValidation: nodeShapes(graphField, ['body', 'graph']) },
    ),
    async (request) => updateFlow(ctx.db, ctx.clock.now(), shopOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/flows/:id/publish',
    route('publish the draft as the next version; refused with every problem, each naming the node and field', {
      params: IdParam,
      response: { 200: FlowView, ...errors(401, 404, 422) },
    }),
    async (request) => publishFlow(ctx.db, ctx.clock.now(), shopOf(request), request.params.id),
  );
  app.post(
    '/api/flows/:id/pause',
    route('pause a live flow: its runs stop before their next step, and nobody new enters', {
      params: IdParam,
      response: { 200: FlowView, ...errors(401, 404, 422) },
    }),
    async (request) => pauseFlow(ctx.db, ctx.clock.now(), shopOf(request), request.params.id),
  );
  app.post(
    '/api/flows/:id/resume',
    route('resume a paused flow: its runs go on (those whose wait ran out meanwhile, at once)', {
      params: IdParam,
      response: { 200: FlowView, ...errors(401, 404, 422) },
    }),
    async (request) => resumeFlow(ctx.db, ctx.clock.now(), shopOf(request), request.params.id),
  );
  app.delete(
    '/api/flows/:id',
    route('delete a flow: its runs end and texts they still have queued are suppressed', {
      params: IdParam,
      response: { 200: Type.Object({ id: Type.String(), deleted: Type.Boolean() }), ...errors(401, 404) },
    }),
    async (request) => {
      await deleteFlow(ctx.db, ctx.clock.now(), shopOf(request), request.params.id);
      return { id: request.params.id, deleted: true };
    },
  );
  app.get(
    '/api/flows/:id/runs',
    route('a flow’s runs with their history, newest first (up to 100)', {
      params: IdParam,
      response: { 200: Type.Object({ runs: Type.Array(FlowRunView) }), ...errors(401, 404) },
    }),
    async (request) => ({ runs: await listFlowRuns(ctx.db, shopOf(request), { flowId: request.params.id }) }),
  );
  app.get(
    '/api/subscribers/:id/flow-runs',
    route('a subscriber’s flow runs with their history, newest first (up to 100)', {
      params: IdParam,
      response: { 200: Type.Object({ runs: Type.Array(FlowRunView) }), ...errors(401) },
    }),
    async (request) => ({ runs: await listFlowRuns(ctx.db, shopOf(request), { subscriberId: request.params.id }) }),
  );
}
