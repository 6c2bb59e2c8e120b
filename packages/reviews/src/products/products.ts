import { NotFound, newId } from '@rapport/kit';
import type { ProductsTable, ReviewsSchema } from '../db/schema.js';
import { productImageUrl } from '../review-requests/urls.js';
import type { ProductView } from '../schemas/products.js';
import type { Kysely } from 'kysely';

/** Records products as orders mention them (Shopify order payloads carry the title, not the image). */
export async function upsertProduct(
  db: Kysely<ReviewsSchema>,
  at: Date,
  storeId: string,
  shopifyProductId: string,
  title: string,
): Promise<void> {
  const now = at.toISOString();
  const existing = await db
    .selectFrom('products')
    .select(['id', 'title'])
    .where('store_id', '=', storeId)
    .where('shopify_product_id', '=', shopifyProductId)
    .executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('products')
      .values({
        id: newId('prod'),
        store_id: storeId,
        shopify_product_id: shopifyProductId,
        title,
        image_url: null,
        url: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['store_id', 'shopify_product_id']).doNothing())
      .execute();
  } else if (existing.title !== title) {
    await db.updateTable('products').set({ title, updated_at: now }).where('id', '=', existing.id).execute();
  }
}

export async function requireProduct(db: Kysely<ReviewsSchema>, storeId: string, shopifyProductId: string): Promise<ProductsTable> {
  const row = await db
    .selectFrom('products')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('shopify_product_id', '=', shopifyProductId)
    .executeTakeFirst();
  if (!row) throw new NotFound(`no product ${shopifyProductId} in store ${storeId}`, ['path', 'product_id']);
  return row;
}

export async function findProduct(
  db: Kysely<ReviewsSchema>,
  storeId: string,
  shopifyProductId: string,
): Promise<ProductsTable | undefined> {
  return db
    .selectFrom('products')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('shopify_product_id', '=', shopifyProductId)
    .executeTakeFirst();
}

/** The merchant sets what Shopify's order payloads do not carry: the product image and storefront page. */
export async function updateProductMedia(
  db: Kysely<ReviewsSchema>,
  at: Date,
  storeId: string,
  shopifyProductId: string,
  changes: { image_url?: string | null; url?: string | null },
): Promise<ProductsTable> {
  const product = await requireProduct(db, storeId, shopifyProductId);
  const set: Partial<ProductsTable> = { updated_at: at.toISOString() };
  if (changes.image_url !== undefined) set.image_url = changes.image_url;
  if (changes.url !== undefined) set.url = changes.url;
  await db.updateTable('products').set(set).where('id', '=', product.id).execute();
  return { ...product, ...set };
}

export async function listProducts(db: Kysely<ReviewsSchema>, storeId: string): Promise<ProductsTable[]> {
  return db.selectFrom('products').selectAll().where('store_id', '=', storeId).orderBy('created_at').orderBy('id').execute();
}

export function productView(p: ProductsTable, publicUrl: string): ProductView {
  return {
    product_id: p.shopify_product_id,
    title: p.title,
    image_url: p.image_url,
    url: p.url,
    review_image_url: p.image_url ?? productImageUrl(publicUrl, p.store_id, p.shopify_product_id),
  };
}
