import { Type } from '@fastify/type-provider-typebox';
import type { HttpApp } from '@rapport/kit';
import type { ReviewsContext } from '../context.js';
import { requireStoreKey, STORE_SECURITY } from './auth.js';
import type { ProductsTable } from '../db/schema.js';
import { listProducts, updateProductMedia } from '../products/products.js';
import { productImageUrl } from '../review-requests/urls.js';
import { getStore } from '../stores/stores.js';
import { errors, Nullable, StoreParams } from './schemas.js';

const HttpUrl = Type.String({ pattern: '^https?://\\S+$', maxLength: 2000 });

const Product = Type.Object({
  product_id: Type.String({ description: 'Shopify product id' }),
  title: Type.String(),
  image_url: Nullable(Type.String()),
  url: Nullable(Type.String({ description: 'Storefront product page ("Product URL" on Review Created)' })),
  review_image_url: Type.String({ description: 'What "Image Url" carries: the image, or a generated picture of the name' }),
});

export function registerProductRoutes(app: HttpApp, ctx: ReviewsContext): void {
  const auth = requireStoreKey(ctx);
  const view = (p: ProductsTable) => ({
    product_id: p.shopify_product_id,
    title: p.title,
    image_url: p.image_url,
    url: p.url,
    review_image_url: p.image_url ?? productImageUrl(ctx.publicUrl, p.store_id, p.shopify_product_id),
  });

  app.get(
    '/api/stores/:store_id/products',
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['products'],
        summary: 'Products seen in orders',
        params: StoreParams,
        response: { 200: Type.Object({ products: Type.Array(Product) }), ...errors(401, 404) },
      },
    },
    async (req) => {
      await getStore(ctx.db, req.params.store_id);
      return { products: (await listProducts(ctx.db, req.params.store_id)).map(view) };
    },
  );

  app.patch(
    '/api/stores/:store_id/products/:product_id',
    {
      onRequest: auth,
      schema: {
        security: STORE_SECURITY,
        tags: ['products'],
        summary: 'Set a product’s image and storefront URL (Shopify order payloads carry neither)',
        params: Type.Object({ store_id: Type.String(), product_id: Type.String() }),
        body: Type.Object(
          { image_url: Type.Optional(Nullable(HttpUrl)), url: Type.Optional(Nullable(HttpUrl)) },
          { additionalProperties: false },
        ),
        response: { 200: Product, ...errors(401, 400, 404) },
      },
    },
    async (req) => view(await updateProductMedia(ctx.db, ctx.clock, req.params.store_id, req.params.product_id, req.body)),
  );
}
