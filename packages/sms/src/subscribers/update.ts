import { fromJson, toJson, trimToNull } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import type { SubscribersTable } from '../db/schema.js';
import { requireSubscriber } from './find.js';
import { mergeProperties, mergeTags, normalizeEmail, type PropertyPatch } from './merge.js';

export interface UpdateSubscriberInput {
  email?: string | undefined;
  tags?: string[] | undefined;
  properties?: PropertyPatch | null | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
}

/**
 * PATCH /api/v2/subscribers/{id}: properties merge per key (null deletes a key; `properties: null` is ignored),
 * tags add, email is set only if none is known yet; first/last name (our extension) replace.
 */
export async function updateSubscriber(
  ctx: SmsContext,
  shopId: string,
  id: string,
  input: UpdateSubscriberInput,
): Promise<SubscribersTable> {
  const email = input.email !== undefined ? normalizeEmail(input.email, ['body', 'email']) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireSubscriber(trx, shopId, id);
    const properties = mergeProperties(fromJson(row.properties, {}), input.properties, ['body', 'properties']);
    const tags = mergeTags(fromJson(row.tags, []), input.tags, ['body', 'tags']);
    const next: SubscribersTable = {
      ...row,
      properties: toJson(properties),
      tags: toJson(tags),
      email: row.email ?? email ?? null,
      first_name: input.first_name !== undefined ? trimToNull(input.first_name) : row.first_name,
      last_name: input.last_name !== undefined ? trimToNull(input.last_name) : row.last_name,
      updated_at: ctx.clock.now().toISOString(),
    };
    await trx
      .updateTable('subscribers')
      .set({
        properties: next.properties,
        tags: next.tags,
        email: next.email,
        first_name: next.first_name,
        last_name: next.last_name,
        updated_at: next.updated_at,
      })
      .where('id', '=', row.id)
      .execute();
    return next;
  });
}
