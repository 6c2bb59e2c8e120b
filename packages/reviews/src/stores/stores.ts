import { createHash } from 'node:crypto';
import { badRequest, conflict, isUniqueViolation, newId, notFound, randomToken, type Clock } from '@rapport/kit';
import type { ReviewsDatabase } from '../db/open.js';
import type { StoresTable } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { normalizeShopDomain } from './shop-domain.js';

export interface StoreView {
  store_id: string;
  name: string;
  shop_domain: string;
  webhook_secret: string;
  created_at: string;
}

export function storeView(row: StoresTable): StoreView {
  return { store_id: row.id, name: row.name, shop_domain: row.shop_domain, webhook_secret: row.webhook_secret, created_at: row.created_at };
}

/** Prefix of a store's merchant API key. */
export const STORE_API_KEY_PREFIX = 'rk_';

/** What `stores.api_key_hash` holds for a key: its SHA-256, hex. */
export function hashStoreApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

/**
 * Registers a Shopify store. The returned secret is what Shopify signs this store's webhooks with; the
 * API key (`rk_…`) authenticates the store's admin API and is returned only here (only its hash is kept).
 */
export async function createStore(
  database: ReviewsDatabase,
  clock: Clock,
  input: { name: string; shopDomain: string },
): Promise<{ store_id: string; webhook_secret: string; api_key: string }> {
  const { row, apiKey } = await insertStore(database.db, clock, input);
  return { store_id: row.id, webhook_secret: row.webhook_secret, api_key: apiKey };
}

export async function insertStore(
  db: Db,
  clock: Clock,
  input: { name: string; shopDomain: string },
): Promise<{ row: StoresTable; apiKey: string }> {
  const name = input.name.trim();
  if (name === '') throw badRequest('name must not be empty', ['body', 'name']);
  const domain = normalizeShopDomain(input.shopDomain);
  if (!domain.ok) throw badRequest(domain.message, ['body', 'shop_domain']);
  const now = clock.now().toISOString();
  const apiKey = `${STORE_API_KEY_PREFIX}${randomToken(32)}`;
  const row: StoresTable = {
    id: newId('st'),
    name,
    shop_domain: domain.domain,
    webhook_secret: randomToken(32),
    api_key_hash: hashStoreApiKey(apiKey),
    created_at: now,
    updated_at: now,
  };
  try {
    await db.insertInto('stores').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`a store with shop_domain "${domain.domain}" already exists`, ['body', 'shop_domain']);
    throw err;
  }
  return { row, apiKey };
}

/** The store an API key belongs to, by its hash; undefined when no store has it. */
export async function findStoreByApiKey(db: Db, apiKey: string): Promise<StoresTable | undefined> {
  return db.selectFrom('stores').selectAll().where('api_key_hash', '=', hashStoreApiKey(apiKey)).executeTakeFirst();
}

export async function getStore(db: Db, storeId: string): Promise<StoresTable> {
  const row = await db.selectFrom('stores').selectAll().where('id', '=', storeId).executeTakeFirst();
  if (!row) throw notFound(`no store ${storeId}`, ['path', 'store_id']);
  return row;
}

export async function findStoreByDomain(db: Db, shopDomain: string): Promise<StoresTable | undefined> {
  return db.selectFrom('stores').selectAll().where('shop_domain', '=', shopDomain.trim().toLowerCase()).executeTakeFirst();
}

export async function listStores(db: Db): Promise<StoresTable[]> {
  return db.selectFrom('stores').selectAll().orderBy('created_at').orderBy('id').execute();
}
