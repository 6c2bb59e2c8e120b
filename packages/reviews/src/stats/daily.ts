/**
 * The home page's charts: reviews per day by sentiment, Postscript calls per day by state, over the last N
 * calendar days of the store's zone. Each local day is a UTC range (stats/local-days.ts); the SQL buckets a
 * row by comparing its ISO text with the ranges' ends (a CASE of text comparisons, no date functions), so
 * SQLite and PostgreSQL count the same. Grouped in an outer query: PostgreSQL cannot match a parameterised
 * CASE in GROUP BY with the same CASE in SELECT.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ReviewsSchema } from '../db/schema.js';
import type { DailyCountView, StoreStatsView } from '../schemas/stats.js';
import { requireStore } from '../stores/stores.js';
import { lastLocalDays, type LocalDay } from './local-days.js';

function dayOf(column: 'created_at', days: readonly LocalDay[]): RawBuilder<string> {
  const whens = days.map((d) => sql`WHEN ${sql.ref(column)} < ${d.end} THEN CAST(${d.day} AS TEXT)`);
  return sql<string>`CASE ${sql.join(whens, sql` `)} END`;
}

async function countPerDay(
  db: Kysely<ReviewsSchema>,
  table: 'reviews' | 'postscript_outbox',
  keyColumn: 'sentiment' | 'state',
  storeId: string,
  days: readonly LocalDay[],
): Promise<DailyCountView[]> {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [];
  const inner = db
    .selectFrom(table)
    .select([dayOf('created_at', days).as('day'), sql<string>`${sql.ref(keyColumn)}`.as('key')])
    .where('store_id', '=', storeId)
    .where('created_at', '>=', first.start)
    .where('created_at', '<', last.end);
  const rows = await db
    .selectFrom(inner.as('t'))
    .select(['t.day', 't.key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['t.day', 't.key'])
    .orderBy('t.day')
    .orderBy('t.key')
    .execute();
  return rows.map((r) => ({ day: r.day, key: r.key, count: Number(r.n) }));
}

export async function storeStats(db: Kysely<ReviewsSchema>, now: Date, storeId: string, dayCount: number): Promise<StoreStatsView> {
  const store = await requireStore(db, storeId);
  const days = lastLocalDays(now, store.time_zone, dayCount);
  const [reviews, syncCalls] = await Promise.all([
    countPerDay(db, 'reviews', 'sentiment', storeId, days),
    countPerDay(db, 'postscript_outbox', 'state', storeId, days),
  ]);
  return {
    from: days[0]?.day ?? '',
    to: days.at(-1)?.day ?? '',
    time_zone: store.time_zone,
    reviews,
    sync_calls: syncCalls,
  };
}
