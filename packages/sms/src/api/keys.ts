import { SESSION_SECURITY, trimToNull, type HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { SmsContext } from '../context.js';
import { apiKeyView, insertKeyPair, listKeyRows, openPrivateKey, relabelKey, requireShopKey, revokeKeyRow } from '../keys/keys.js';
import { ApiKeyView, CreateKeyPairBody, NewKeyPair, RelabelKeyBody, RevealedKey } from '../schemas/keys.js';
import type { ApiKeyAuth } from './auth.js';
import { errors, IdParam } from './schemas.js';

/**
 * The API page's security key pairs (Create Security Key Pair → Yes → label → Show). Dashboard only: the
 * session and the shop in X-Rapport-Shop, never an API key — a leaked key must not be able to mint keys or
 * read other keys.
 */
export function registerKeyRoutes(app: HttpApp, ctx: SmsContext, auth: ApiKeyAuth): void {
  const tags = ['dashboard: API keys'];
  const common = { onRequest: auth.onRequest };

  app.get(
    '/api/dashboard/keys',
    {
      ...common,
      schema: {
        tags,
        summary: "The shop's key pairs",
        security: SESSION_SECURITY,
        response: { 200: Type.Object({ keys: Type.Array(ApiKeyView) }), ...errors(401, 403) },
      },
    },
    async (request) => ({ keys: (await listKeyRows(ctx.db, auth.principal(request).shopId)).map(apiKeyView) }),
  );

  app.post(
    '/api/dashboard/keys',
    {
      ...common,
      schema: {
        tags,
        summary: 'Create Security Key Pair',
        description: 'The private key is in this answer, and later through Show.',
        security: SESSION_SECURITY,
        body: CreateKeyPairBody,
        response: { 201: NewKeyPair, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const shopId = auth.principal(request).shopId;
      const label = trimToNull(request.body.label ?? '') ?? undefined;
      const pair = await ctx.db
        .transaction()
        .execute((trx) => insertKeyPair(trx, ctx.clock.now(), { shopId, label, secretKey: ctx.config.secretKey }));
      return reply.code(201).send(pair);
    },
  );

  app.patch(
    '/api/dashboard/keys/:id',
    {
      ...common,
      schema: {
        tags,
        summary: "Edit a pair's label",
        security: SESSION_SECURITY,
        params: IdParam,
        body: RelabelKeyBody,
        response: { 200: ApiKeyView, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) =>
      apiKeyView(await relabelKey(ctx.db, auth.principal(request).shopId, request.params.id, trimToNull(request.body.label ?? ''))),
  );

  app.post(
    '/api/dashboard/keys/:id/reveal',
    {
      ...common,
      schema: {
        tags,
        summary: 'Show: the private key of a pair',
        security: SESSION_SECURITY,
        params: IdParam,
        response: { 200: RevealedKey, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const row = await requireShopKey(ctx.db, auth.principal(request).shopId, request.params.id);
      return { private_key: await openPrivateKey(ctx.db, ctx.clock.now(), row, ctx.config.secretKey) };
    },
  );

  app.delete(
    '/api/dashboard/keys/:id',
    {
      ...common,
      schema: {
        tags,
        summary: 'Revoke a pair: its private key stops authenticating within 5 s',
        security: SESSION_SECURITY,
        params: IdParam,
        response: { 200: ApiKeyView, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const shopId = auth.principal(request).shopId;
      await requireShopKey(ctx.db, shopId, request.params.id);
      await revokeKeyRow(ctx.db, ctx.clock.now(), request.params.id);
      return apiKeyView(await requireShopKey(ctx.db, shopId, request.params.id));
    },
  );
}
