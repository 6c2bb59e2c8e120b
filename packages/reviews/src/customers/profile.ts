/** The Customers screen's reads: the list, and a profile with reviews, orders and the activity timeline. */
import { NotFound } from '@rapport/kit';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CustomersTable, ReviewsSchema } from '../db/schema.js';
import type { CustomerView, TimelineEntry } from '../schemas/customers.js';

export const customerName = (c: Pick<CustomersTable, 'first_name' | 'last_name'>): string | null =>
  [c.first_name, c.last_name].filter(Boolean).join(' ') || null;

export function customerView(c: CustomersTable, reviewCount: number): CustomerView {
  return {
    customer_id: c.id,
    name: customerName(c),
    email: c.email,
    phone: c.phone,
    country_code: c.country_code,
    postscript_subscriber_id: c.postscript_subscriber_id,
    review_count: reviewCount,
    created_at: c.created_at,
  };
}

async function reviewCounts(db: Kysely<ReviewsSchema>, customerIds: string[]): Promise<Map<string, number>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('reviews')
    .select(['customer_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('customer_id', 'in', customerIds)
    .groupBy('customer_id')
    .execute();
  return new Map(rows.map((r) => [r.customer_id, Number(r.n)]));
}

/** Newest first; `search` matches the start of an email, a phone or a first or last name (case-insensitive). */
export async function listCustomerViews(
  db: Kysely<ReviewsSchema>,
  storeId: string,
  filter: { search?: string; limit: number },
): Promise<CustomerView[]> {
  const term = filter.search?.trim().toLowerCase();
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where('store_id', '=', storeId)
    .$if(Boolean(term), (q) =>
      q.where((eb) => {
        // An explicit ESCAPE: SQLite's LIKE has no default escape character, PostgreSQL's is the backslash.
        const prefix = `${(term as string).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const starts = (column: RawBuilder<string>, pattern: string) => sql<boolean>`${column} LIKE ${pattern} ESCAPE '\\'`;
        const lower = (column: 'email' | 'first_name' | 'last_name') => sql<string>`lower(${sql.ref(column)})`;
        return eb.or([
          starts(lower('email'), prefix),
          starts(lower('first_name'), prefix),
          starts(lower('last_name'), prefix),
          starts(sql<string>`${sql.ref('phone')}`, prefix),
          starts(sql<string>`${sql.ref('phone')}`, `+${prefix}`),
        ]);
      }),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
  const counts = await reviewCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => customerView(r, counts.get(r.id) ?? 0));
}

export async function requireStoreCustomer(db: Kysely<ReviewsSchema>, storeId: string, customerId: string): Promise<CustomersTable> {
  const row = await db.selectFrom('customers').selectAll().where('store_id', '=', storeId).where('id', '=', customerId).executeTakeFirst();
  if (!row) throw new NotFound(`no customer ${customerId} in store ${storeId}`, ['path', 'customer_id']);
  return row;
}

/** The customer's activities, newest first (their timeline). */
export async function customerTimeline(db: Kysely<ReviewsSchema>, customerId: string, limit: number): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom('activities')
    .select(['id', 'type', 'occurred_at'])
    .where('customer_id', '=', customerId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ activity_id: r.id, type: r.type, occurred_at: r.occurred_at }));
}
