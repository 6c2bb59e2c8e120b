/**
 * Counting rows per calendar day of a tenant's zone, one way for both services' home charts. Each local day
 * is a UTC range (local-days.ts); the SQL buckets a row by comparing its ISO-8601 UTC text with the ranges'
 * ends (a CASE of text comparisons, no date functions), so SQLite and PostgreSQL count the same. Grouped in
 * an outer query: PostgreSQL cannot match a parameterised CASE in GROUP BY with the same CASE in SELECT.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { LocalDay } from './local-days.js';

export interface DailyCount {
  day: string;
  key: string;
  count: number;
}

/** `CASE WHEN col < end₁ THEN day₁ … END`: the local day of a timestamp column already within the range. */
export function localDayOfColumn(column: string, days: readonly LocalDay[]): RawBuilder<string> {
  const whens = days.map((d) => sql`WHEN ${sql.ref(column)} < ${d.end} THEN CAST(${d.day} AS TEXT)`);
  return sql<string>`CASE ${sql.join(whens, sql` `)} END`;
}

/**
 * Rows of `table` per (local day, `keyExpression`) over `days`, for one tenant. The key is any SQL
 * expression (a column, or a CASE that folds statuses). Only days with rows are returned.
 */
export async function countPerLocalDay(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any service's schema: the table and columns are named at run time
  db: Kysely<any>,
  q: { table: string; tenantColumn: string; tenantId: string; timeColumn: string; key: RawBuilder<string>; days: readonly LocalDay[] },
): Promise<DailyCount[]> {
  const first = q.days[0];
  const last = q.days.at(-1);
  if (!first || !last) return [];
  const inner = db
    .selectFrom(q.table)
    .select([localDayOfColumn(q.timeColumn, q.days).as('day'), q.key.as('key')])
    .where(q.tenantColumn, '=', q.tenantId)
    .where(q.timeColumn, '>=', first.start)
    .where(q.timeColumn, '<', last.end);
  const rows = await db
    .selectFrom(inner.as('t'))
    .select(['t.day', 't.key', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['t.day', 't.key'])
    .orderBy('t.day')
    .orderBy('t.key')
    .execute();
  return rows.map((r: { day: string; key: string; n: number | string }) => ({ day: r.day, key: r.key, count: Number(r.n) }));
}
