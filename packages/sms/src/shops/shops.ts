import { newId } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { ShopsTable, SmsSchema } from '../db/schema.js';
import { UnknownShopError } from '../errors.js';

/** A shop's zone when a subscriber's own cannot be told from their number. */
export const DEFAULT_SHOP_TIMEZONE = 'America/New_York';

export async function insertShop(trx: Kysely<SmsSchema>, now: Date, input: { name: string; timezone?: string }): Promise<ShopsTable> {
  const at = now.toISOString();
  const row: ShopsTable = {
    id: newId('shop'),
    name: input.name,
    timezone: input.timezone ?? DEFAULT_SHOP_TIMEZONE,
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
