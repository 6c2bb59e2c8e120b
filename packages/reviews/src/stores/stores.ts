import { createHash } from 'node:crypto';
import {
  accountsDb,
  checkCurrency,
  checkTimeZone,
  Conflict,
  grantTenant,
  Invalid,
  NotFound,
  isUniqueViolation,
  newId,
  randomToken,
  trimToNull,
  type UsersTable,
} from '@rapport/kit';
import type { ConnectStoreBody, DashboardStore, StoreView } from '../schemas/stores.js';
import type { StoresTable, ReviewsSchema } from '../db/schema.js';
import { normalizeShopDomain } from './shop-domain.js';
import type { Kysely } from 'kysely';

/** Where Shopify must send this install's webhooks. */
export const webhookUrl = (publicUrl: string): string => `${publicUrl.replace(/\/+$/, '')}/webhooks/shopify`;

export function storeView(row: StoresTable, publicUrl: string): StoreView {
  return {
    store_id: row.id,
    name: row.name,
    shop_domain: row.shop_domain,
    webhook_secret: row.webhook_secret,
    webhook_url: webhookUrl(publicUrl),
    created_at: row.created_at,
  };
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
export async function insertStore(
  db: Kysely<ReviewsSchema>,
  at: Date,
  input: { name: string; shopDomain: string; timeZone?: string; currency?: string },
): Promise<{ row: StoresTable; apiKey: string }> {
  const name = trimToNull(input.name);
  if (!name) throw new Invalid('name must not be empty', ['body', 'name']);
  const domain = normalizeShopDomain(input.shopDomain);
  if (!domain.ok) throw new Invalid(domain.message, ['body', 'shop_domain']);
  const now = at.toISOString();
  const apiKey = `${STORE_API_KEY_PREFIX}${randomToken(32)}`;
  const row: StoresTable = {
    id: newId('st'),
    name,
    shop_domain: domain.domain,
    webhook_secret: randomToken(32),
    api_key_hash: hashStoreApiKey(apiKey),
    time_zone: input.timeZone ?? 'UTC',
    currency: input.currency ?? 'USD',
    created_at: now,
    updated_at: now,
  };
  try {
    await db.insertInto('stores').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new Conflict(`a store with shop_domain "${domain.domain}" already exists`, ['body', 'shop_domain']);
    throw err;
  }
  return { row, apiKey };
}

/** The store an API key belongs to, by its hash; undefined when no store has it. */
export async function findStoreByApiKey(db: Kysely<ReviewsSchema>, apiKey: string): Promise<StoresTable | undefined> {
  return db.selectFrom('stores').selectAll().where('api_key_hash', '=', hashStoreApiKey(apiKey)).executeTakeFirst();
}

export async function requireStore(db: Kysely<ReviewsSchema>, storeId: string): Promise<StoresTable> {
  const row = await db.selectFrom('stores').selectAll().where('id', '=', storeId).executeTakeFirst();
  if (!row) throw new NotFound(`no store ${storeId}`, ['path', 'store_id']);
  return row;
}

export async function findStoreByDomain(db: Kysely<ReviewsSchema>, shopDomain: string): Promise<StoresTable | undefined> {
  return db.selectFrom('stores').selectAll().where('shop_domain', '=', shopDomain.trim().toLowerCase()).executeTakeFirst();
}

export async function listStores(db: Kysely<ReviewsSchema>): Promise<StoresTable[]> {
  return db.selectFrom('stores').selectAll().orderBy('created_at').orderBy('id').execute();
}

export const dashboardStoreView = (s: StoresTable): DashboardStore => ({
  id: s.id,
  name: s.name,
  shop_domain: s.shop_domain,
  time_zone: s.time_zone,
  currency: s.currency,
});

/** The stores a dashboard user may open: all of them for the install's owner, else those they were given. */
export async function listStoresForUser(db: Kysely<ReviewsSchema>, user: UsersTable): Promise<StoresTable[]> {
  let q = db.selectFrom('stores').selectAll('stores').orderBy('stores.created_at').orderBy('stores.id');
  if (user.install_owner !== 1)
    q = q.innerJoin('user_memberships', 'user_memberships.tenant_id', 'stores.id').where('user_memberships.user_id', '=', user.id);
  return q.execute();
}

/**
 * Onboarding: the merchant connects their store in the dashboard (name, Shopify domain, time zone,
 * currency). The creator is given the store. The store's rk_ API key is made as for any store, but not shown:
 * the dashboard works with its session, and a script's key is a later, explicit act.
 */
export async function connectStoreForUser(
  db: Kysely<ReviewsSchema>,
  now: Date,
  user: UsersTable,
  input: ConnectStoreBody,
): Promise<StoresTable> {
  const timeZone = checkTimeZone(input.time_zone, ['body', 'time_zone']);
  const currency = checkCurrency(input.currency, ['body', 'currency']);
  return db.transaction().execute(async (trx) => {
    const { row } = await insertStore(trx, now, { name: input.name, shopDomain: input.shop_domain, timeZone, currency });
    await grantTenant(accountsDb(trx), now, user.id, row.id);
    return row;
  });
}
