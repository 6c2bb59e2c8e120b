import { EVENT_TYPE_NAMES, eventTypesNamed } from '@rapport/contract';
import { fromJson, newId, toJson } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { SmsSchema, TriggersTable } from '../db/schema.js';
import { UnknownTriggerError } from '../errors.js';
import { CLICKED_LINK, CLICKED_LINK_PROPERTIES } from '../links/clicked-link.js';
import type { AutomationTriggerOption } from '../schemas/automations.js';
import { findTriggerByName, listTriggers, triggerView } from '../triggers/store.js';

/**
 * What an automation can start from — the Automation Trigger list: the shop's partner triggers (Okendo
 * registers "Okendo Review Request"), every event type of the contract with its properties (offered before
 * the first event arrives), the platform's own `Clicked Link`, and every other custom event type the shop has sent, with the property keys
 * seen so far. An event type becomes a `triggers` row (event_type set, migration 0010) only when the first
 * automation is built on it, so the list costs no writes.
 */

/** Every property name a catalog event type may carry (top level, then conditional groups), in seed order. */
export function catalogPropertyNames(type: string): string[] {
  const names = new Set<string>();
  for (const def of eventTypesNamed(type)) {
    for (const p of def.properties) names.add(p.name);
    for (const g of def.conditionalGroups) for (const p of g.properties) names.add(p.name);
  }
  return [...names];
}

export async function automationTriggerOptions(db: Kysely<SmsSchema>, shopId: string): Promise<AutomationTriggerOption[]> {
  const partner = await listTriggers(db, shopId);
  const sent = await db
    .selectFrom('event_definitions')
    .select(['name', 'property_keys'])
    .where('shop_id', '=', shopId)
    .orderBy('name')
    .execute();
  const sentKeys = new Map(sent.map((d) => [d.name, fromJson<string[]>(d.property_keys, [])]));
  const catalog = new Set<string>([...EVENT_TYPE_NAMES, CLICKED_LINK]);
  return [
    ...partner.map((t): AutomationTriggerOption => {
      const view = triggerView(t);
      return { name: view.name, kind: 'partner', tags: view.tags, declared_wait: view.declared_wait };
    }),
    ...EVENT_TYPE_NAMES.map((name): AutomationTriggerOption => ({
      name,
      kind: 'event',
      source: 'catalog',
      // The catalog's properties first, then any extra keys the shop's events carried (survey answers,
      // review attributes: the catalog's open properties).
      tags: [...new Set([...catalogPropertyNames(name), ...(sentKeys.get(name) ?? [])])],
      declared_wait: null,
    })),
    { name: CLICKED_LINK, kind: 'event', source: 'platform', tags: [...CLICKED_LINK_PROPERTIES], declared_wait: null },
    ...sent
      .filter((d) => !catalog.has(d.name))
      .map((d): AutomationTriggerOption => ({
        name: d.name,
        kind: 'event',
        source: 'custom',
        tags: sentKeys.get(d.name) ?? [],
        declared_wait: null,
      })),
  ];
}

/**
 * The trigger row an automation on `name` starts from: a partner trigger of that name first, else the row of
 * the event type of that name (created now, once per shop and type), else a 422 naming the field.
 */
export async function resolveAutomationTrigger(
  db: Kysely<SmsSchema>,
  now: Date,
  shopId: string,
  name: string,
  loc: (string | number)[],
): Promise<TriggersTable> {
  const partner = await findTriggerByName(db, shopId, name);
  if (partner) return partner;
  return resolveEventTypeTrigger(db, now, shopId, name, loc);
}

/** The row standing for the event type `name` (created now, once per shop and type), or a 422 naming the field. */
export async function resolveEventTypeTrigger(
  db: Kysely<SmsSchema>,
  now: Date,
  shopId: string,
  name: string,
  loc: (string | number)[],
): Promise<TriggersTable> {
  const type = name.trim();
  const existing = await eventTriggerRow(db, shopId, type);
  if (existing) return currentEventTrigger(db, now, existing);
  const tags = await eventTypeTags(db, shopId, type);
  if (!tags) throw new UnknownTriggerError(name, shopId, loc);
  const at = now.toISOString();
  await db
    .insertInto('triggers')
    .values({
      id: newId('trg'),
      shop_id: shopId,
      name: type,
      tags: toJson(tags),
      transactional_allowed: 0,
      deleted_at: null,
      declared_wait_days: null,
      declared_wait_after: null,
      declared_wait_at: null,
      event_type: type,
      created_at: at,
      updated_at: at,
    })
    // Two editors saving the first automation on a type at once: one row, both use it.
    .onConflict((oc) => oc.columns(['shop_id', 'event_type']).where('event_type', 'is not', null).doNothing())
    .execute();
  const row = await eventTriggerRow(db, shopId, type);
  if (!row) throw new Error(`event trigger row for ${type} missing after insert`);
  return row;
}

/**
 * An event type's row with its tags as they are now: a custom type's keys grow as its events arrive, so the
 * row's snapshot is refreshed whenever an automation on it is saved (what the save's tag check reads).
 */
export async function currentEventTrigger(db: Kysely<SmsSchema>, now: Date, row: TriggersTable): Promise<TriggersTable> {
  if (row.event_type === null) return row;
  const tags = toJson((await eventTypeTags(db, row.shop_id, row.event_type)) ?? fromJson<string[]>(row.tags, []));
  if (tags === row.tags) return row;
  const updated_at = now.toISOString();
  await db.updateTable('triggers').set({ tags, updated_at }).where('id', '=', row.id).execute();
  return { ...row, tags, updated_at };
}

async function eventTypeTags(db: Kysely<SmsSchema>, shopId: string, type: string): Promise<string[] | undefined> {
  return (await automationTriggerOptions(db, shopId)).find((o) => o.kind === 'event' && o.name === type)?.tags;
}

function eventTriggerRow(db: Kysely<SmsSchema>, shopId: string, type: string): Promise<TriggersTable | undefined> {
  return db.selectFrom('triggers').selectAll().where('shop_id', '=', shopId).where('event_type', '=', type).executeTakeFirst();
}
