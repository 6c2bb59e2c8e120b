import { EVENT_TYPES, EVENT_TYPE_NAMES } from '@rapport/contract';
import { fromJson, runRaw, toJson, type Dialect } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { SmsSchema } from '../db/schema.js';
import type { EventDefinitionView } from '../schemas/events.js';
import { keyOf } from './ingest-lookups.js';

/**
 * Event definitions: every custom event type a shop has sent, with the property keys seen on it — and the
 * contract's Okendo event types listed before the first one arrives, so a merchant can pick "Review Created"
 * as a trigger on day one (Postscript's own events are invisible until first sent).
 */

/**
 * The definition writes of one transaction, summed: a batch of 200 "Review Created" events is one count
 * of +200 and one merge of the union of their keys, not 200 read-modify-writes.
 */
export class EventDefinitionTally {
  readonly #seen = new Map<string, { shopId: string; name: string; keys: Set<string>; count: number }>();

  add(shopId: string, name: string, keys: readonly string[]): void {
    const id = keyOf(shopId, name);
    const entry = this.#seen.get(id);
    if (!entry) {
      this.#seen.set(id, { shopId, name, keys: new Set(keys), count: 1 });
      return;
    }
    entry.count++;
    for (const k of keys) entry.keys.add(k);
  }

  /**
   * Writes every tallied definition, in (shop, name) order so concurrent writers lock rows in one order:
   * its property keys, unless `known` (the keys this process has already seen stored per shop and type)
   * has them all — keys are only ever added, so a key remembered there is always stored — then its count,
   * added to `shard` (the ingest lane's own counter row, see 0006_event_definition_counts). A batch that
   * brings no new key is one fixed upsert. Returns what to remember once the transaction has committed
   * (`KnownDefinitionKeys.remember`).
   */
  async write(trx: Kysely<SmsSchema>, dialect: Dialect, now: Date, shard: number, known?: KnownDefinitionKeys): Promise<StoredKeys[]> {
    const stored: StoredKeys[] = [];
    const entries = [...this.#seen.values()].sort((a, b) => compare(a.shopId, b.shopId) || compare(a.name, b.name));
    for (const e of entries) {
      const keys = [...e.keys];
      const remembered = known?.get(e.shopId, e.name);
      if (!remembered || !keys.every((k) => remembered.has(k))) {
        await storeDefinitionKeys(trx, now, e.shopId, e.name, keys);
        stored.push({ shopId: e.shopId, name: e.name, keys });
      }
      await countEvents(trx, dialect, now, e.shopId, e.name, e.count, shard);
    }
    return stored;
  }
}

export interface StoredKeys {
  shopId: string;
  name: string;
  keys: string[];
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const COUNT = `insert into "event_definition_counts" ("shop_id", "name", "shard", "event_count", "last_seen_at") values (?, ?, ?, ?, ?)
  on conflict ("shop_id", "name", "shard") do update set "event_count" = "event_definition_counts"."event_count" + excluded."event_count",
  "last_seen_at" = excluded."last_seen_at"`;

async function countEvents(
  trx: Kysely<SmsSchema>,
  dialect: Dialect,
  now: Date,
  shopId: string,
  name: string,
  count: number,
  shard: number,
): Promise<void> {
  await runRaw(trx, dialect, COUNT, [shopId, name, shard, count, now.toISOString()]);
}

/**
 * Property keys known to be stored, per shop and type, for one process (bounded: forgetting only costs a
 * read). Filled only after the transaction that stored the keys committed: a key remembered from a
 * rolled-back batch would let later batches skip storing it.
 */
export class KnownDefinitionKeys {
  readonly #keys = new Map<string, Set<string>>();
  get(shopId: string, name: string): Set<string> | undefined {
    return this.#keys.get(keyOf(shopId, name));
  }
  remember(stored: readonly StoredKeys[]): void {
    for (const { shopId, name, keys } of stored) this.#add(shopId, name, keys);
  }
  #add(shopId: string, name: string, keys: readonly string[]): void {
    const id = keyOf(shopId, name);
    let set = this.#keys.get(id);
    if (!set) {
      if (this.#keys.size >= 10_000) this.#keys.clear();
      set = new Set();
      this.#keys.set(id, set);
    }
    for (const k of keys) set.add(k);
  }
}

/** The definition row of a type, created on its first event, with `keys` merged into its property keys. */
async function storeDefinitionKeys(
  trx: Kysely<SmsSchema>,
  now: Date,
  shopId: string,
  name: string,
  keys: readonly string[],
): Promise<void> {
  const at = now.toISOString();
  const read = () =>
    trx.selectFrom('event_definitions').select('property_keys').where('shop_id', '=', shopId).where('name', '=', name).executeTakeFirst();
  let row = await read();
  if (!row) {
    const inserted = await trx
      .insertInto('event_definitions')
      .values({ shop_id: shopId, name, property_keys: toJson(keys), first_seen_at: at })
      .onConflict((oc) => oc.columns(['shop_id', 'name']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return;
    // Another process defined the type since our read (PostgreSQL): merge keys into its row.
    row = await read();
    if (!row) throw new Error(`event definition ${name} conflicted on insert but cannot be read`);
  }
  // The write is conditional on the keys read (compare-and-set): two transactions adding different keys
  // at once on PostgreSQL would otherwise keep only one of them.
  for (let attempt = 0; attempt < 5; attempt++) {
    const known = fromJson<string[]>(row.property_keys, []);
    const added = keys.filter((k) => !known.includes(k));
    if (added.length === 0) return;
    const r = await trx
      .updateTable('event_definitions')
      .set({ property_keys: toJson([...known, ...added]) })
      .where('shop_id', '=', shopId)
      .where('name', '=', name)
      .where('property_keys', '=', row.property_keys)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) > 0) return;
    row = await read();
    if (!row) throw new Error(`event definition ${name} vanished while its keys were merged`);
  }
  throw new Error(`event definition ${name}: keys kept changing under five attempts to add to them`);
}

export async function listEventDefinitions(db: Kysely<SmsSchema>, shopId: string): Promise<EventDefinitionView[]> {
  const defs = await db.selectFrom('event_definitions').selectAll().where('shop_id', '=', shopId).orderBy('name').execute();
  const counts = await db
    .selectFrom('event_definition_counts')
    .select((eb) => ['name', eb.fn.sum<number>('event_count').as('event_count'), eb.fn.max('last_seen_at').as('last_seen_at')])
    .where('shop_id', '=', shopId)
    .groupBy('name')
    .execute();
  const countOf = new Map(counts.map((c) => [c.name, { event_count: Number(c.event_count), last_seen_at: c.last_seen_at }]));
  const rows = defs.map((d) => ({ ...d, ...(countOf.get(d.name) ?? { event_count: 0, last_seen_at: d.first_seen_at }) }));
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
