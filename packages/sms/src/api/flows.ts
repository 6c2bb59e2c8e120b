import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { SmsContext } from '../context.js';
import { flowCatalog } from '../flows/catalog.js';
import { validateFlowGraph } from '../flows/validate-graph.js';
import { FlowGraph } from '../schemas/flows.js';
import { SECURITY, type ApiKeyAuth } from './auth.js';
import { errors } from './schemas.js';

const FlowProblems = Type.Object({
  valid: Type.Boolean(),
  problems: Type.Array(
    Type.Object({
      loc: Type.Array(Type.Union([Type.String(), Type.Integer()]), {
        description: 'Where in the graph, e.g. ["nodes", 3, "conditions", 0, "op"]',
      }),
      msg: Type.String({ description: 'What is wrong, naming the node' }),
    }),
  ),
});

/**
 * Automation flows as code (our extension): the graph's JSON Schema, and the check a flow must pass before
 * it is published — the shape (a 400 naming the field, as everywhere) and then what only the shop's catalog
 * can say (`flows/validate-graph.ts`), answered as a list so an editor can mark every problem at once.
 */
export function registerFlowRoutes(app: HttpApp, ctx: SmsContext, auth: ApiKeyAuth): void {
  const tags = ['flows'];
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
}
