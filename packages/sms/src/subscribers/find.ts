import type { Kysely } from 'kysely';
import type { SmsSchema, SubscribersTable } from '../db/schema.js';
import { NotFoundError } from '../errors.js';

export async function findSubscriber(db: Kysely<SmsSchema>, shopId: string, id: string): Promise<SubscribersTable | undefined> {
  return db.selectFrom('subscribers').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
}

export async function requireSubscriber(
  db: Kysely<SmsSchema>,
  shopId: string,
  id: string,
  loc: (string | number)[] = ['path', 'id'],
): Promise<SubscribersTable> {
  const row = await findSubscriber(db, shopId, id);
  if (!row) throw new NotFoundError('subscriber', id, loc);
  return row;
}

export async function findSubscriberByPhone(db: Kysely<SmsSchema>, shopId: string, phone: string): Promise<SubscribersTable | undefined> {
  return db.selectFrom('subscribers').selectAll().where('shop_id', '=', shopId).where('phone_number', '=', phone).executeTakeFirst();
}

/** The most recently confirmed subscriber with this email (Postscript's rule when several share one). */
export async function findConfirmedByEmail(db: Kysely<SmsSchema>, shopId: string, email: string): Promise<SubscribersTable | undefined> {
  return db
    .selectFrom('subscribers')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('email', '=', email)
    .where('confirmed_at', 'is not', null)
    .orderBy('confirmed_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}
