/**
 * The home page's charts: reviews per day by sentiment, Postscript calls per day by state, over the last N
 * calendar days of the store's zone (kit `countPerLocalDay`: the same counts on SQLite and PostgreSQL).
 */
import { countPerLocalDay, lastLocalDays } from '@rapport/kit';
import { sql, type Kysely } from 'kysely';
import type { ReviewsSchema } from '../db/schema.js';
import type { StoreStatsView } from '../schemas/stats.js';
import { requireStore } from '../stores/stores.js';

export async function storeStats(db: Kysely<ReviewsSchema>, now: Date, storeId: string, dayCount: number): Promise<StoreStatsView> {
  const store = await requireStore(db, storeId);
  const days = lastLocalDays(now, store.time_zone, dayCount);
  const per = (table: 'reviews' | 'postscript_outbox', keyColumn: 'sentiment' | 'state') =>
    countPerLocalDay(db, {
      table,
      tenantColumn: 'store_id',
      tenantId: storeId,
      timeColumn: 'created_at',
      key: sql<string>`${sql.ref(keyColumn)}`,
      days,
    });
  const [reviews, syncCalls] = await Promise.all([per('reviews', 'sentiment'), per('postscript_outbox', 'state')]);
  return {
    from: days[0]?.day ?? '',
    to: days.at(-1)?.day ?? '',
    time_zone: store.time_zone,
    reviews,
    sync_calls: syncCalls,
  };
}
