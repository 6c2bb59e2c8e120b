import { EVENT_TYPES, EVENT_TYPE_NAMES } from '@rapport/contract';
import { fromJson, toJson } from '@rapport/kit';
import { sql, type Kysely } from 'kysely';
import type { SmsSchema } from '../db/schema.js';

/**
 * Event definitions: every custom event type a shop has sent, with the property keys seen on it — and the
 * contract's Okendo event types listed before the first one arrives, so a merchant can pick "Review Created"
 * as a trigger on day one (Postscript's own events are invisible until first sent).
 */

export interface EventDefinitionView {
  name: string;
  source: 'catalog' | 'observed' | 'catalog+observed';
  description: string | null;
  /** Catalog properties (name, tag key, type), then keys only ever observed. */
  properties: { name: string; key: string | null; type: string | null }[];
  event_count: number;
  first_seen_at: string | null;
  last_seen_at: string | null;
}

export async function recordEventDefinition(
  trx: Kysely<SmsSchema>,
  now: Date,
  shopId: string,
  name: string,
  keys: string[],
): Promise<void> {
  const at = now.toISOString();
  // Hot path (every event): read the known keys, then one write. The keys column changes only when an
  // event brings a property name not seen before on this type.
  const row = await trx
    .selectFrom('event_definitions')
    .select('property_keys')
    .where('shop_id', '=', shopId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) {
    await trx
      .insertInto('event_definitions')
      .values({ shop_id: shopId, name, property_keys: toJson(keys), first_seen_at: at, last_seen_at: at, event_count: 1 })
      .onConflict((oc) =>
        oc.columns(['shop_id', 'name']).doUpdateSet({ event_count: sql`event_definitions.event_count + 1`, last_seen_at: at }),
      )
      .execute();
    return;
  }
  const known = fromJson<string[]>(row.property_keys, []);
  const added = keys.filter((k) => !known.includes(k));
  await trx
    .updateTable('event_definitions')
    .set({
      last_seen_at: at,
      event_count: sql`event_count + 1`,
      ...(added.length > 0 ? { property_keys: toJson([...known, ...added]) } : {}),
    })
    .where('shop_id', '=', shopId)
    .where('name', '=', name)
    .execute();
}

export async function listEventDefinitions(db: Kysely<SmsSchema>, shopId: string): Promise<EventDefinitionView[]> {
  const rows = await db.selectFrom('event_definitions').selectAll().where('shop_id', '=', shopId).orderBy('name').execute();
  const observed = new Map(rows.map((r) => [r.name, r]));
  const views: EventDefinitionView[] = [];
  for (const name of EVENT_TYPE_NAMES) {
    // "Opted In to Okendo Referrals" has two definitions (referrer, recipient): list the union of their properties.
    const defs = EVENT_TYPES.filter((d) => d.name === name);
    const props = new Map<string, { name: string; key: string | null; type: string | null }>();
    for (const def of defs) {
      for (const p of [...def.properties, ...def.conditionalGroups.flatMap((g) => g.properties)]) {
        if (!props.has(p.name)) props.set(p.name, { name: p.name, key: p.key, type: p.type });
      }
    }
    const seen = observed.get(name);
    observed.delete(name);
    for (const key of fromJson<string[]>(seen?.property_keys, []))
      if (!props.has(key)) props.set(key, { name: key, key: null, type: null });
    views.push({
      name,
      source: seen ? 'catalog+observed' : 'catalog',
      description: defs[0]?.description ?? null,
      properties: [...props.values()],
      event_count: seen?.event_count ?? 0,
      first_seen_at: seen?.first_seen_at ?? null,
      last_seen_at: seen?.last_seen_at ?? null,
    });
  }
  for (const r of observed.values()) {
    views.push({
      name: r.name,
      source: 'observed',
      description: null,
      properties: fromJson<string[]>(r.property_keys, []).map((k) => ({ name: k, key: null, type: null })),
      event_count: r.event_count,
      first_seen_at: r.first_seen_at,
      last_seen_at: r.last_seen_at,
    });
  }
  return views;
}
