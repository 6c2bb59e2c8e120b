import { notFound } from '@rapport/kit';
import type { CustomersTable } from '../db/schema.js';
import type { Db } from '../db/types.js';

export async function getCustomer(db: Db, customerId: string): Promise<CustomersTable> {
  const row = await db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
  if (!row) throw notFound(`no customer ${customerId}`);
  return row;
}
