import { insertRows, sortableId, type Dialect } from '@rapport/kit';
import { createShop, openSmsDatabase, type SmsDatabase } from '@rapport/sms';
import type { Kysely } from 'kysely';
import { NOON_IN_NEW_YORK } from './clock.js';
import type { BenchStorage } from './storage.js';

/** The bench's SMS database, opened on its storage (SQLite dir or PostgreSQL schema). */
export function openBenchDatabase(storage: BenchStorage): Promise<SmsDatabase> {
  return openSmsDatabase({
    dataDir: storage.dataDir,
    ...(storage.databaseUrl ? { databaseUrl: storage.databaseUrl, schemaPrefix: storage.schemaPrefix } : {}),
  });
}

/**
 * A shop and `count` subscribed New York numbers that already had the opt-out notice, written 5,000 at a
 * time; `each` adds what a scenario needs per chunk of subscribers (their texts, their runs) in the same
 * transaction.
 */
export async function seedSubscribers(
  storage: BenchStorage,
  shopName: string,
  count: number,
  each: (
    trx: Kysely<unknown>,
    dialect: Dialect,
    shopId: string,
    subscribers: { id: string; phone_number: string }[],
    start: number,
  ) => Promise<void>,
  before?: (database: SmsDatabase, shopId: string) => Promise<void>,
): Promise<void> {
  const database = await openBenchDatabase(storage);
  const dialect: Dialect = database.dialect;
  const clock = { now: () => NOON_IN_NEW_YORK, onAdvance: () => () => undefined };
  const shop = await createShop(database, clock, { name: shopName });
  await before?.(database, shop.shop_id);
  const at = NOON_IN_NEW_YORK.toISOString();
  for (let start = 0; start < count; start += 5000) {
    const n = Math.min(5000, count - start);
    await database.db.transaction().execute(async (trx) => {
      const subscribers = Array.from({ length: n }, (_, k) => ({
        id: sortableId('s', NOON_IN_NEW_YORK),
        shop_id: shop.shop_id,
        phone_number: `+1212${String(2_000_000 + start + k).padStart(7, '0')}`,
        email: null,
        first_name: null,
        last_name: null,
        shopify_customer_id: null,
        properties: '{}',
        tags: '[]',
        status: 'subscribed',
        origin: 'bench',
        keyword: null,
        external_id: null,
        time_zones: '["America/New_York"]',
        region: 'NY',
        confirmed_at: at,
        opted_out_at: null,
        opt_out_notice_at: at,
        created_at: at,
        updated_at: at,
      }));
      await insertRows(trx, dialect, 'subscribers', Object.keys(subscribers[0]!) as (keyof (typeof subscribers)[0])[], subscribers);
      await each(trx as unknown as Kysely<unknown>, dialect, shop.shop_id, subscribers, start);
    });
  }
  await database.close();
}
