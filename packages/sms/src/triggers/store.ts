import { declaredWait } from '@rapport/contract';
import { Invalid, fromJson, fromBool, newId, retryTransaction, toBool, toJson } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { SmsSchema, TriggersTable } from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import type { TriggerView } from '../schemas/triggers.js';

/**
 * v1 partner triggers: a partner (the reviews platform) declares "Okendo Review Request" with its merge tags;
 * merchants build legacy automations on it; the partner fires it per subscriber with tag values. One trigger
 * per (shop, name): registering the same name again updates its tags and keeps its id, so re-saving the
 * integration never orphans automations. DELETE hides a trigger (it can no longer fire); registering it
 * again brings it back with the same id and automations.
 */

export function triggerView(row: TriggersTable): TriggerView {
  return {
    id: row.id,
    name: row.name,
    tags: fromJson<string[]>(row.tags, []),
    transactional_allowed: toBool(row.transactional_allowed),
    declared_wait:
      row.declared_wait_days !== null && row.declared_wait_after !== null && row.declared_wait_at !== null
        ? { days: row.declared_wait_days, after: row.declared_wait_after, declared_at: row.declared_wait_at }
        : null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  tags.forEach((raw, i) => {
    const tag = raw.trim();
    if (!/^[A-Za-z0-9_]{1,100}$/.test(tag))
      throw new Invalid('tags must be tag keys such as "review_url" (letters, digits, _)', ['body', 'tags', i]);
    if (!out.includes(tag)) out.push(tag);
  });
  return out;
}

export async function registerTrigger(
  db: Kysely<SmsSchema>,
  now: Date,
  shopId: string,
  input: { name: string; tags: readonly string[]; transactional_allowed?: boolean | undefined },
): Promise<{ trigger: TriggersTable; created: boolean }> {
  const name = input.name.trim();
  if (name === '' || name.length > 255) throw new Invalid('name must be 1–255 characters', ['body', 'name']);
  const tags = toJson(cleanTags(input.tags));
  return retryTransaction(() =>
    db.transaction().execute(async (trx) => {
      const at = now.toISOString();
      const existing = await trx
        .selectFrom('triggers')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('name', '=', name)
        .where('event_type', 'is', null)
        .executeTakeFirst();
      if (existing) {
        const transactional =
          input.transactional_allowed === undefined ? existing.transactional_allowed : fromBool(input.transactional_allowed);
        await trx
          .updateTable('triggers')
          .set({ tags, transactional_allowed: transactional, deleted_at: null, updated_at: at })
          .where('id', '=', existing.id)
          .execute();
        return {
          trigger: { ...existing, tags, transactional_allowed: transactional, deleted_at: null, updated_at: at },
          created: false,
        };
      }
      const row: TriggersTable = {
        id: newId('trg'),
        shop_id: shopId,
        name,
        tags,
        transactional_allowed: fromBool(input.transactional_allowed ?? false),
        deleted_at: null,
        declared_wait_days: null,
        declared_wait_after: null,
        declared_wait_at: null,
        event_type: null,
        created_at: at,
        updated_at: at,
      };
      await trx.insertInto('triggers').values(row).execute();
      return { trigger: row, created: true };
    }),
  );
}

export async function listTriggers(db: Kysely<SmsSchema>, shopId: string): Promise<TriggersTable[]> {
  return db
    .selectFrom('triggers')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('event_type', 'is', null)
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();
}

export async function requireTrigger(
  db: Kysely<SmsSchema>,
  shopId: string,
  id: string,
  loc: (string | number)[] = ['path', 'id'],
): Promise<TriggersTable> {
  const row = await db
    .selectFrom('triggers')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .where('event_type', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('trigger', id, loc);
  return row;
}

export async function findTriggerByName(db: Kysely<SmsSchema>, shopId: string, name: string): Promise<TriggersTable | undefined> {
  return db
    .selectFrom('triggers')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('name', '=', name.trim())
    .where('event_type', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function deleteTrigger(db: Kysely<SmsSchema>, now: Date, shopId: string, id: string): Promise<void> {
  await requireTrigger(db, shopId, id);
  await db.updateTable('triggers').set({ deleted_at: now.toISOString(), updated_at: now.toISOString() }).where('id', '=', id).execute();
}

/**
 * Keeps the wait a fire declares (contract `declaredWait`) on the trigger. Written only when it changes,
 * so the usual fire — the same sequence, the same wait — adds no write; a fire that declares none leaves
 * the last one (a partner that stops declaring has not changed its wait).
 */
export async function rememberDeclaredWait(
  db: Kysely<SmsSchema>,
  now: Date,
  trigger: TriggersTable,
  tags: Readonly<Record<string, unknown>>,
): Promise<void> {
  const wait = declaredWait(tags);
  if (!wait || (wait.days === trigger.declared_wait_days && wait.after === trigger.declared_wait_after)) return;
  await db
    .updateTable('triggers')
    .set({ declared_wait_days: wait.days, declared_wait_after: wait.after, declared_wait_at: now.toISOString() })
    .where('id', '=', trigger.id)
    .execute();
}
