import { Invalid } from '@rapport/kit';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { SmsSchema, SubscribersTable } from '../db/schema.js';
import { normalizePhone } from '../phone/normalize.js';

/**
 * GET /api/v2/subscribers: Postscript's filters (`field__op=value`), 1-based pages of 100, `sort=field__asc|desc`.
 * Only subscribers who confirmed at least once are listed — a pending sign-up is not on the merchant's list
 * until they reply Y (Postscript: "If a subscriber does not confirm, then they are not added").
 */

export const PAGE_SIZE = 100;
export const SORT_FIELDS = ['created_at', 'updated_at', 'phone_number', 'shopify_customer_id'] as const;
const STRING_FIELDS = ['email', 'phone_number', 'shopify_customer_id'] as const;
const DATE_FIELDS = ['created_at', 'updated_at'] as const;
const DATE_OPS = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

export type ListQuery = Record<string, string | number | undefined>;

type Q = SelectQueryBuilder<SmsSchema, 'subscribers', object>;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function normalizeValue(field: (typeof STRING_FIELDS)[number], raw: string, param: string): string {
  if (field === 'email') return raw.trim().toLowerCase();
  if (field === 'phone_number') {
    const phone = normalizePhone(raw);
    if (!phone) throw new Invalid(`${param} "${raw}" is not a phone number`, ['query', param]);
    return phone;
  }
  return raw.trim();
}

function applyFilters(q: Q, query: ListQuery): Q {
  for (const field of STRING_FIELDS) {
    const eq = query[`${field}__eq`];
    if (eq !== undefined) q = q.where(field, '=', normalizeValue(field, String(eq), `${field}__eq`));
    const contains = query[`${field}__contains`];
    if (contains !== undefined) {
      const needle = field === 'phone_number' ? String(contains).replace(/\D/g, '') : String(contains).trim();
      const pattern = `%${escapeLike(field === 'email' ? needle.toLowerCase() : needle)}%`;
      // An explicit ESCAPE: SQLite has no default escape character, PostgreSQL's is the backslash.
      q = q.where(sql<boolean>`${sql.ref(field)} like ${pattern} escape '\\'`);
    }
    const list = query[`${field}__in`];
    if (list !== undefined) {
      const values = String(list)
        .split(',')
        .filter((v) => v.trim() !== '')
        .map((v) => normalizeValue(field, v, `${field}__in`));
      q = values.length === 0 ? q.where(field, '=', '\u0000none') : q.where(field, 'in', values);
    }
  }
  for (const field of DATE_FIELDS) {
    for (const [op, sqlOp] of Object.entries(DATE_OPS)) {
      const param = `${field}__${op}`;
      const raw = query[param];
      if (raw === undefined) continue;
      const d = new Date(String(raw));
      if (Number.isNaN(d.getTime())) throw new Invalid(`${param} must be an ISO 8601 date-time`, ['query', param]);
      q = q.where(field, sqlOp, d.toISOString());
    }
  }
  return q;
}

export async function listSubscribers(
  db: Kysely<SmsSchema>,
  shopId: string,
  query: ListQuery,
): Promise<{ page: number; totalPages: number; rows: SubscribersTable[] }> {
  const page = query['page'] === undefined ? 1 : Number(query['page']);
  if (!Number.isInteger(page) || page < 1) throw new Invalid('page must be a positive integer', ['query', 'page']);
  const sort = String(query['sort'] ?? 'created_at__asc');
  const m = /^(.+)__(asc|desc)$/.exec(sort);
  const field = m?.[1] as (typeof SORT_FIELDS)[number] | undefined;
  if (!m || !field || !SORT_FIELDS.includes(field)) {
    throw new Invalid(`sort must be one of ${SORT_FIELDS.map((f) => `${f}__asc|${f}__desc`).join(', ')}`, ['query', 'sort']);
  }
  const direction = m[2] === 'desc' ? 'desc' : 'asc';

  const base = applyFilters(db.selectFrom('subscribers').where('shop_id', '=', shopId).where('confirmed_at', 'is not', null), query);
  const counted = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const rows = await base
    .selectAll()
    .orderBy(field, direction)
    .orderBy('id', direction)
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  return { page, totalPages: Math.ceil(total / PAGE_SIZE), rows };
}

/**
 * The dashboard's Subscribers page: every subscriber of the shop whatever their status (pending sign-ups
 * included, unlike the Postscript list), newest first, searched by phone digits or email, filtered by status.
 */
export async function searchSubscribers(
  db: Kysely<SmsSchema>,
  shopId: string,
  query: { q?: string | undefined; status?: SubscribersTable['status'] | undefined; page?: number | undefined },
): Promise<{ page: number; totalPages: number; total: number; rows: SubscribersTable[] }> {
  const page = query.page ?? 1;
  let base = db.selectFrom('subscribers').where('shop_id', '=', shopId);
  if (query.status) base = base.where('status', '=', query.status);
  const q = query.q?.trim();
  if (q) {
    const digits = q.replace(/\D/g, '');
    const email = `%${escapeLike(q.toLowerCase())}%`;
    // A search with three or more digits and no "@" may be a phone number; anything may be part of an email.
    const byEmail = sql<boolean>`email like ${email} escape '\\'`;
    base =
      digits.length >= 3 && !q.includes('@')
        ? base.where((eb) => eb.or([eb('phone_number', 'like', `%${digits}%`), byEmail]))
        : base.where(byEmail);
  }
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  return { page, totalPages: Math.ceil(total / PAGE_SIZE), total, rows };
}
