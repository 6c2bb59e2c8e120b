import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from '../context.js';
import { CreatedStoreView, CreateStoreBody, StoreView } from '../schemas/stores.js';
import { insertStore, listStores, requireStore, storeView } from '../stores/stores.js';
import { ADMIN_SECURITY, STORE_SECURITY, type ApiAuth } from './auth.js';
import { errors, StoreParams } from './schemas.js';

export function registerStoreRoutes(app: HttpApp, ctx: ReviewsContext, auth: ApiAuth): void {
  app.post(
    '/api/stores',
    {
      onRequest: auth.admin.onRequest,
      schema: {
        tags: ['stores'],
        summary: 'Register a Shopify store',
        description: 'Needs the install’s admin token (RAPPORT_ADMIN_TOKEN). Returns the store’s API key, shown only this once.',
        security: ADMIN_SECURITY,
        body: CreateStoreBody,
        response: { 201: CreatedStoreView, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const { row, apiKey } = await insertStore(ctx.db, ctx.clock.now(), { name: req.body.name, shopDomain: req.body.shop_domain });
      return reply.code(201).send({ ...storeView(row, ctx.publicUrl), api_key: apiKey });
    },
  );

  app.get(
    '/api/stores',
    {
      onRequest: auth.admin.onRequest,
      schema: {
        tags: ['stores'],
        summary: 'List stores (needs the admin token)',
        security: ADMIN_SECURITY,
        response: { 200: Type.Object({ stores: Type.Array(StoreView) }), ...errors(401, 403) },
      },
    },
    async () => ({ stores: (await listStores(ctx.db)).map((s) => storeView(s, ctx.publicUrl)) }),
  );

  app.get(
    '/api/stores/:store_id',
    {
      onRequest: auth.store.onRequest,
      schema: {
        tags: ['stores'],
        summary: 'One store',
        security: STORE_SECURITY,
        params: StoreParams,
        response: { 200: StoreView, ...errors(401, 404) },
      },
    },
    async (req) => storeView(await requireStore(ctx.db, req.params.store_id), ctx.publicUrl),
  );
}
