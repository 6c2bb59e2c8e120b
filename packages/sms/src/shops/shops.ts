import { accountsDb, checkCurrency, checkTimeZone, grantTenant, Invalid, newId, trimToNull, type UsersTable } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { ShopsTable, SmsSchema } from '../db/schema.js';
import { UnknownShopError } from '../errors.js';
import type { CreateShopBody, DashboardShop } from '../schemas/shops.js';

/** A shop's zone when a subscriber's own cannot be told from their number. */
export const DEFAULT_SHOP_TIMEZONE = 'America/New_York';

export async function insertShop(
  trx: Kysely<SmsSchema>,
  now: Date,
  input: { name: string; timezone?: string; currency?: string },
): Promise<ShopsTable> {
  const at = now.toISOString();
  const row: ShopsTable = {
    id: newId('shop'),
    name: input.name,
    timezone: input.timezone ?? DEFAULT_SHOP_TIMEZONE,
    currency: input.currency ?? 'USD',
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('shops').values(row).execute();
  return row;
}

export async function findShop(db: Kysely<SmsSchema>, id: string): Promise<ShopsTable | undefined> {
  return db.selectFrom('shops').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function requireShop(db: Kysely<SmsSchema>, id: string): Promise<ShopsTable> {
  const shop = await findShop(db, id);
  if (!shop) throw new UnknownShopError(id);
  return shop;
}

export const dashboardShopView = (s: ShopsTable): DashboardShop => ({
  id: s.id,
  name: s.name,
  time_zone: s.timezone,
  currency: s.currency,
});

/** The shops a dashboard user may open: all of them for the install's owner, else those they were given. */
export async function listShopsForUser(db: Kysely<SmsSchema>, user: UsersTable): Promise<ShopsTable[]> {
  let q = db.selectFrom('shops').selectAll('shops').orderBy('shops.created_at').orderBy('shops.id');
  if (user.install_owner !== 1)
    q = q.innerJoin('user_memberships', 'user_memberships.tenant_id', 'shops.id').where('user_memberships.user_id', '=', user.id);
  return q.execute();
}

/**
 * Onboarding: a merchant creates their shop in the dashboard. No key pair yet — the merchant creates one
 * on the API page ("Create Security Key Pair"), as on Postscript. The creator is given the shop.
 */
export async function createShopForUser(db: Kysely<SmsSchema>, now: Date, user: UsersTable, input: CreateShopBody): Promise<ShopsTable> {
  const name = trimToNull(input.name);
  if (!name) throw new Invalid('shop name must not be empty', ['body', 'name']);
  const timezone = checkTimeZone(input.time_zone, ['body', 'time_zone']);
  const currency = checkCurrency(input.currency, ['body', 'currency']);
  return db.transaction().execute(async (trx) => {
    const shop = await insertShop(trx, now, { name, timezone, currency });
    await grantTenant(accountsDb(trx), now, user.id, shop.id);
    return shop;
  });
}
