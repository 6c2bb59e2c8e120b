import { NotFound } from '@rapport/kit';
import type { CustomersTable, ReviewsSchema } from '../db/schema.js';
import type { Kysely } from 'kysely';

export async function requireCustomer(db: Kysely<ReviewsSchema>, customerId: string): Promise<CustomersTable> {
  const row = await db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
  if (!row) throw new NotFound(`no customer ${customerId}`);
  return row;
}
