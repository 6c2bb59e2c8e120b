import { Type } from '@fastify/type-provider-typebox';
import type { HttpApp } from '@rapport/kit';
import type { ReviewsContext } from '../context.js';
import { ADMIN_SECURITY, requireAdminToken, requireStoreKey, STORE_SECURITY } from './auth.js';
import type { StoresTable } from '../db/schema.js';
import { getStore, insertStore, listStores } from '../stores/stores.js';
import { errors, StoreParams } from './schemas.js';

const Store = Type.Object({
  store_id: Type.String(),
  name: Type.String(),
  shop_domain: Type.String(),
  webhook_secret: Type.String({ description: 'Key Shopify signs this store’s webhooks with (X-Shopify-Hmac-Sha256).' }),
  webhook_url: Type.String({ description: 'Where to point the store’s Shopify webhooks.' }),
  created_at: Type.String({ format: 'date-time' }),
});

const CreatedStore = Type.Object({
  ...Store.properties,
  api_key: Type.String({ description: 'The store’s API key (rk_…) for `Authorization: Bearer`; shown only this once.' }),
});

export function registerStoreRoutes(app: HttpApp, ctx: ReviewsContext): void {
  const admin = requireAdminToken(ctx);
  const auth = requireStoreKey(ctx);
  const view = (s: StoresTable) => ({
    store_id: s.id,
    name: s.name,
    shop_domain: s.shop_domain,
    webhook_secret: s.webhook_secret,
    webhook_url: `${ctx.publicUrl.replace(/\/+$/, '')}/webhooks/shopify`,
    created_at: s.created_at,
  });

  app.post(
    '/api/stores',
    {
      onRequest: admin,
      schema: {
        tags: ['stores'],
        summary: 'Register a Shopify store',
        description: 'Needs the install’s admin token (RAPPORT_ADMIN_TOKEN). Returns the store’s API key, shown only this once.',
        security: ADMIN_SECURITY,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            shop_domain: Type.String({ minLength: 1, maxLength: 255, description: 'The permanent *.myshopify.com domain' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: CreatedStore, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const { row, apiKey } = await insertStore(ctx.db, ctx.clock, { name: req.body.name, shopDomain: req.body.shop_domain });
      return reply.code(201).send({ ...view(row), api_key: apiKey });
    },
  );

  app.get(
    '/api/stores',
    {
      onRequest: admin,
      schema: {
        tags: ['stores'],
        summary: 'List stores (needs the admin token)',
        security: ADMIN_SECURITY,
        response: { 200: Type.Object({ stores: Type.Array(Store) }), ...errors(401, 403) },
      },
    },
    async () => ({ stores: (await listStores(ctx.db)).map(view) }),
  );

  app.get(
    '/api/stores/:store_id',
    {
      onRequest: auth,
      schema: {
        tags: ['stores'],
        summary: 'One store',
        security: STORE_SECURITY,
        params: StoreParams,
        response: { 200: Store, ...errors(401, 404) },
      },
    },
    async (req) => view(await getStore(ctx.db, req.params.store_id)),
  );
}
