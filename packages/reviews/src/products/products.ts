import { newId, notFound, type Clock } from '@rapport/kit';
import type { ProductsTable } from '../db/schema.js';
import type { Db } from '../db/types.js';

/** Records products as orders mention them (Shopify order payloads carry the title, not the image). */
export async function upsertProduct(db: Db, clock: Clock, storeId: string, shopifyProductId: string, title: string): Promise<void> {
  const now = clock.now().toISOString();
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

export async function getProduct(db: Db, storeId: string, shopifyProductId: string): Promise<ProductsTable> {
  const row = await db
    .selectFrom('products')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('shopify_product_id', '=', shopifyProductId)
    .executeTakeFirst();
  if (!row) throw notFound(`no product ${shopifyProductId} in store ${storeId}`, ['path', 'product_id']);
  return row;
}

export async function findProduct(db: Db, storeId: string, shopifyProductId: string): Promise<ProductsTable | undefined> {
  return db
    .selectFrom('products')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('shopify_product_id', '=', shopifyProductId)
    .executeTakeFirst();
}

/** The merchant sets what Shopify's order payloads do not carry: the product image and storefront page. */
export async function updateProductMedia(
  db: Db,
  clock: Clock,
  storeId: string,
  shopifyProductId: string,
  changes: { image_url?: string | null; url?: string | null },
): Promise<ProductsTable> {
  const product = await getProduct(db, storeId, shopifyProductId);
  const set: Partial<ProductsTable> = { updated_at: clock.now().toISOString() };
  if (changes.image_url !== undefined) set.image_url = changes.image_url;
  if (changes.url !== undefined) set.url = changes.url;
  await db.updateTable('products').set(set).where('id', '=', product.id).execute();
  return { ...product, ...set };
}

export async function listProducts(db: Db, storeId: string): Promise<ProductsTable[]> {
  return db.selectFrom('products').selectAll().where('store_id', '=', storeId).orderBy('created_at').orderBy('id').execute();
}
