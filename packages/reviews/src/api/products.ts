import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from '../context.js';
import { listProducts, productView, updateProductMedia } from '../products/products.js';
import { ProductView, UpdateProductBody } from '../schemas/products.js';
import { requireStore } from '../stores/stores.js';
import { STORE_SECURITY, type ApiAuth } from './auth.js';
import { errors, Id, StoreParams } from './schemas.js';

export function registerProductRoutes(app: HttpApp, ctx: ReviewsContext, auth: ApiAuth): void {
  app.get(
    '/api/stores/:store_id/products',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['products'],
        summary: 'Products seen in orders',
        params: StoreParams,
        response: { 200: Type.Object({ products: Type.Array(ProductView) }), ...errors(401, 404) },
      },
    },
    async (req) => {
      await requireStore(ctx.db, req.params.store_id);
      return { products: (await listProducts(ctx.db, req.params.store_id)).map((p) => productView(p, ctx.publicUrl)) };
    },
  );

  app.patch(
    '/api/stores/:store_id/products/:product_id',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['products'],
        summary: 'Set a product’s image and storefront URL (Shopify order payloads carry neither)',
        params: Type.Object({ store_id: Id(), product_id: Id() }),
        body: UpdateProductBody,
        response: { 200: ProductView, ...errors(401, 400, 404) },
      },
    },
    async (req) =>
      productView(await updateProductMedia(ctx.db, ctx.clock.now(), req.params.store_id, req.params.product_id, req.body), ctx.publicUrl),
  );
}
