import { Type } from '@fastify/type-provider-typebox';
import type { HttpApp } from '@rapport/kit';
import type { ReviewsContext } from '../context.js';
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

export function registerStoreRoutes(app: HttpApp, ctx: ReviewsContext): void {
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
      schema: {
        tags: ['stores'],
        summary: 'Register a Shopify store',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            shop_domain: Type.String({ minLength: 1, maxLength: 255, description: 'The permanent *.myshopify.com domain' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Store, ...errors(400, 409) },
      },
    },
    async (req, reply) => {
      const row = await insertStore(ctx.db, ctx.clock, { name: req.body.name, shopDomain: req.body.shop_domain });
      return reply.code(201).send(view(row));
    },
  );

  app.get(
    '/api/stores',
    { schema: { tags: ['stores'], summary: 'List stores', response: { 200: Type.Object({ stores: Type.Array(Store) }) } } },
    async () => ({ stores: (await listStores(ctx.db)).map(view) }),
  );

  app.get(
    '/api/stores/:store_id',
    { schema: { tags: ['stores'], summary: 'One store', params: StoreParams, response: { 200: Store, ...errors(404) } } },
    async (req) => view(await getStore(ctx.db, req.params.store_id)),
  );
}
