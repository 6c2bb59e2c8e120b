import type { Kysely } from 'kysely';
import type { SmsSchema, SubscribersTable } from '../db/schema.js';
import type { IngestRequest } from './ingest.js';

/**
 * What a batch of events needs to know from the database, read with one statement per kind of key and
 * shop (not one per event): stored idempotency responses, events already stored under an external_id, and
 * the subscribers the batch names by id, phone or email (whole rows: a matched event starts automations for
 * its subscriber in the same transaction).
 */
export interface KnownRows {
  /** `${shop}\u0000${key}` → the stored response of an Idempotency-Key. */
  idempotency: Map<string, { hash: string; statusCode: number; body: string }>;
  /** `${shop}\u0000${external_id}` → event id. */
  externalIds: Map<string, string>;
  /** `${shop}\u0000${subscriber id}` → the id, when it is the shop's. */
  subscriberIds: Set<string>;
  /** `${shop}\u0000${E.164}` → subscriber id. */
  phones: Map<string, string>;
  /** `${shop}\u0000${email}` → the most recently confirmed subscriber with it. */
  emails: Map<string, string>;
  /** Subscriber id → row, for every subscriber found above. */
  subscribers: Map<string, SubscribersTable>;
}

export const keyOf = (shopId: string, value: string): string => `${shopId}\u0000${value}`;

const distinct = (values: (string | null | undefined)[]): string[] => [...new Set(values.filter((v): v is string => !!v))];

export async function lookUpBatch(trx: Kysely<SmsSchema>, requests: readonly IngestRequest[]): Promise<KnownRows> {
  const known: KnownRows = {
    idempotency: new Map(),
    externalIds: new Map(),
    subscriberIds: new Set(),
    phones: new Map(),
    emails: new Map(),
    subscribers: new Map(),
  };
  const byShop = new Map<string, IngestRequest[]>();
  for (const r of requests) byShop.set(r.shopId, [...(byShop.get(r.shopId) ?? []), r]);
  for (const [shopId, rs] of byShop) {
    const keys = distinct(rs.map((r) => r.idempotencyKey));
    if (keys.length > 0) {
      const rows = await trx
        .selectFrom('idempotency_keys')
        .select(['key', 'request_hash', 'status_code', 'response_body'])
        .where('shop_id', '=', shopId)
        .where('scope', '=', 'events')
        .where('key', 'in', keys)
        .execute();
      for (const row of rows)
        known.idempotency.set(keyOf(shopId, row.key), { hash: row.request_hash, statusCode: row.status_code, body: row.response_body });
    }
    const externalIds = distinct(rs.map((r) => r.externalId));
    if (externalIds.length > 0) {
      const rows = await trx
        .selectFrom('events')
        .select(['id', 'external_id'])
        .where('shop_id', '=', shopId)
        .where('external_id', 'in', externalIds)
        .execute();
      for (const row of rows) if (row.external_id) known.externalIds.set(keyOf(shopId, row.external_id), row.id);
    }
    const ids = distinct(rs.map((r) => r.body.subscriber_id));
    if (ids.length > 0) {
      const rows = await trx.selectFrom('subscribers').selectAll().where('shop_id', '=', shopId).where('id', 'in', ids).execute();
      for (const row of rows) {
        known.subscriberIds.add(keyOf(shopId, row.id));
        known.subscribers.set(row.id, row);
      }
    }
    const phones = distinct(rs.map((r) => r.phone));
    if (phones.length > 0) {
      const rows = await trx
        .selectFrom('subscribers')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('phone_number', 'in', phones)
        .execute();
      for (const row of rows) {
        known.phones.set(keyOf(shopId, row.phone_number), row.id);
        known.subscribers.set(row.id, row);
      }
    }
    const emails = distinct(rs.map((r) => r.email));
    if (emails.length > 0) {
      // Most recently confirmed first, so the first row seen per email is the one Postscript's rule picks.
      const rows = await trx
        .selectFrom('subscribers')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('email', 'in', emails)
        .where('confirmed_at', 'is not', null)
        .orderBy('confirmed_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      for (const row of rows)
        if (row.email && !known.emails.has(keyOf(shopId, row.email))) {
          known.emails.set(keyOf(shopId, row.email), row.id);
          known.subscribers.set(row.id, row);
        }
    }
  }
  return known;
}
