/**
 * The home page's charts: texts per day (sent, delivered, failed) and events received per day by type, over
 * the last N calendar days of the shop's zone (kit `countPerLocalDay`: the same counts on SQLite and
 * PostgreSQL). A text counts on the day it was queued, under what became of it: delivered or failed once
 * the carrier says so, else sent; texts still queued or suppressed are not in this chart (Messages lists them).
 */
import { countPerLocalDay, lastLocalDays } from '@rapport/kit';
import { sql, type Kysely } from 'kysely';
import type { SmsSchema } from '../db/schema.js';
import type { ShopStatsView } from '../schemas/stats.js';
import { requireShop } from '../shops/shops.js';

const TEXT_OUTCOME = sql<string>`CASE
  WHEN "delivery_status" IN ('delivered', 'read') THEN 'delivered'
  WHEN "status" = 'failed' OR "delivery_status" IN ('failed', 'undelivered') THEN 'failed'
  WHEN "status" = 'sent' THEN 'sent'
  ELSE 'other' END`;

export async function shopStats(db: Kysely<SmsSchema>, now: Date, shopId: string, dayCount: number): Promise<ShopStatsView> {
  const shop = await requireShop(db, shopId);
  const days = lastLocalDays(now, shop.timezone, dayCount);
  const where = { tenantColumn: 'shop_id', tenantId: shopId, timeColumn: 'created_at', days };
  const [texts, events] = await Promise.all([
    countPerLocalDay(db, { ...where, table: 'outbox_messages', key: TEXT_OUTCOME }),
    countPerLocalDay(db, { ...where, table: 'events', key: sql<string>`${sql.ref('type')}` }),
  ]);
  return {
    from: days[0]?.day ?? '',
    to: days.at(-1)?.day ?? '',
    time_zone: shop.timezone,
    texts: texts.filter((t) => t.key !== 'other'),
    events,
  };
}
