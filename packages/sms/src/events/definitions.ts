import { EVENT_TYPES, EVENT_TYPE_NAMES } from '@rapport/contract';
import { fromJson, toJson } from '@rapport/kit';
import { sql, type Kysely } from 'kysely';
import type { SmsSchema } from '../db/schema.js';
import type { EventDefinitionView } from '../schemas/events.js';

/**
 * Event definitions: every custom event type a shop has sent, with the property keys seen on it — and the
 * contract's Okendo event types listed before the first one arrives, so a merchant can pick "Review Created"
 * as a trigger on day one (Postscript's own events are invisible until first sent).
 */

/**
 * The definition writes of one transaction, summed: a batch of 200 "Review Created" events is one write of
 * event_count + 200 with the union of their keys, not 200 read-modify-writes of the same row.
 */
export class EventDefinitionTally {
  readonly #seen = new Map<string, { shopId: string; name: string; keys: Set<string>; count: number }>();

  add(shopId: string, name: string, keys: readonly string[]): void {
    const id = JSON.stringify([shopId, name]);
    const entry = this.#seen.get(id);
    if (!entry) {
      this.#seen.set(id, { shopId, name, keys: new Set(keys), count: 1 });
      return;
    }
    entry.count++;
    for (const k of keys) entry.keys.add(k);
  }

  /** Writes every tallied definition, in (shop, name) order so concurrent writers lock rows in one order. */
  async write(trx: Kysely<SmsSchema>, now: Date): Promise<void> {
    const entries = [...this.#seen.values()].sort((a, b) => compare(a.shopId, b.shopId) || compare(a.name, b.name));
    for (const e of entries) await recordEventDefinition(trx, now, e.shopId, e.name, [...e.keys], e.count);
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Counts `count` events of type `name` that carried the property keys `keys`. */
export async function recordEventDefinition(
  trx: Kysely<SmsSchema>,
  now: Date,
  shopId: string,
  name: string,
  keys: readonly string[],
  count = 1,
): Promise<void> {
  const at = now.toISOString();
  // Hot path (every batch): read the known keys, then one write. The keys column changes only when an
  // event brings a property name not seen before on this type.
  const read = () =>
    trx.selectFrom('event_definitions').select('property_keys').where('shop_id', '=', shopId).where('name', '=', name).executeTakeFirst();
  let row = await read();
  if (!row) {
    const inserted = await trx
      .insertInto('event_definitions')
      .values({ shop_id: shopId, name, property_keys: toJson(keys), first_seen_at: at, last_seen_at: at, event_count: count })
      .onConflict((oc) => oc.columns(['shop_id', 'name']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return;
    // Another process defined the type since our read (PostgreSQL): count and merge keys into its row.
    row = await read();
    if (!row) throw new Error(`event definition ${name} conflicted on insert but cannot be read`);
  }
  // The keys change only when an event brings a property name not seen before on this type. That write is
  // conditional on the keys read (compare-and-set): two transactions adding different keys at once on
  // PostgreSQL would otherwise keep only one of them.
  for (let attempt = 0; attempt < 5; attempt++) {
    const known = fromJson<string[]>(row.property_keys, []);
    const added = keys.filter((k) => !known.includes(k));
    const update = trx
      .updateTable('event_definitions')
      .set({
        last_seen_at: at,
        event_count: sql`event_count + ${count}`,
        ...(added.length > 0 ? { property_keys: toJson([...known, ...added]) } : {}),
      })
      .where('shop_id', '=', shopId)
      .where('name', '=', name);
    const r = await (added.length > 0 ? update.where('property_keys', '=', row.property_keys) : update).executeTakeFirst();
    if (Number(r.numUpdatedRows) > 0) return;
    row = await read();
    if (!row) throw new Error(`event definition ${name} vanished while being counted`);
  }
  throw new Error(`event definition ${name}: keys kept changing under five attempts to add to them`);
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
