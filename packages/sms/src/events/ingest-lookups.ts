import { anyOf, runRaw, type Dialect } from '@rapport/kit';
import type { Kysely } from 'kysely';
import { SUBSCRIBER_COLUMNS } from '../db/tables/subscribers.js';
import type { SmsSchema, SubscribersTable } from '../db/schema.js';
import type { IngestRequest } from './ingest.js';

/**
 * What a batch of events needs to know from the database, read with one statement per kind of key and
 * shop (not one per event): stored idempotency responses, events already stored under an external_id, and
 * the subscribers the batch names by id, phone or email (whole rows: a matched event starts automations for
 * its subscriber in the same transaction).
 *
 * The statements are fixed SQL texts (`anyOf`: one text whatever the batch size on PostgreSQL, so each is
 * a prepared statement there; Kysely's builder would also rebuild and recompile them for every batch).
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

const SUBSCRIBER = SUBSCRIBER_COLUMNS.map((c) => `"${c}"`).join(', ');

export async function lookUpBatch(trx: Kysely<SmsSchema>, dialect: Dialect, requests: readonly IngestRequest[]): Promise<KnownRows> {
  const known: KnownRows = {
    idempotency: new Map(),
    externalIds: new Map(),
    subscriberIds: new Set(),
    phones: new Map(),
    emails: new Map(),
    subscribers: new Map(),
  };
  const select = async <R>(text: string, shopId: string, column: string, values: string[]): Promise<R[]> => {
    const any = anyOf(dialect, column, values);
    return (await runRaw<SmsSchema, R>(trx, dialect, text.replace('$any', any.sql), [shopId, ...any.params])).rows;
  };
  const byShop = new Map<string, IngestRequest[]>();
  for (const r of requests) byShop.set(r.shopId, [...(byShop.get(r.shopId) ?? []), r]);
  for (const [shopId, rs] of byShop) {
    const keys = distinct(rs.map((r) => r.idempotencyKey));
    if (keys.length > 0) {
      const rows = await select<{ key: string; request_hash: string; status_code: number; response_body: string }>(
        `select "key", "request_hash", "status_code", "response_body" from "idempotency_keys" where "shop_id" = ? and "scope" = 'events' and $any`,
        shopId,
        '"key"',
        keys,
      );
      for (const row of rows)
        known.idempotency.set(keyOf(shopId, row.key), { hash: row.request_hash, statusCode: row.status_code, body: row.response_body });
    }
    const externalIds = distinct(rs.map((r) => r.externalId));
    if (externalIds.length > 0) {
      const rows = await select<{ id: string; external_id: string | null }>(
        `select "id", "external_id" from "events" where "shop_id" = ? and $any`,
        shopId,
        '"external_id"',
        externalIds,
      );
      for (const row of rows) if (row.external_id) known.externalIds.set(keyOf(shopId, row.external_id), row.id);
    }
    const ids = distinct(rs.map((r) => r.body.subscriber_id));
    if (ids.length > 0) {
      const rows = await select<SubscribersTable>(
        `select ${SUBSCRIBER} from "subscribers" where "shop_id" = ? and $any`,
        shopId,
        '"id"',
        ids,
      );
      for (const row of rows) {
        known.subscriberIds.add(keyOf(shopId, row.id));
        known.subscribers.set(row.id, row);
      }
    }
    const phones = distinct(rs.map((r) => r.phone));
    if (phones.length > 0) {
      const rows = await select<SubscribersTable>(
        `select ${SUBSCRIBER} from "subscribers" where "shop_id" = ? and $any`,
        shopId,
        '"phone_number"',
        phones,
      );
      for (const row of rows) {
        known.phones.set(keyOf(shopId, row.phone_number), row.id);
        known.subscribers.set(row.id, row);
      }
    }
    const emails = distinct(rs.map((r) => r.email));
    if (emails.length > 0) {
      // Most recently confirmed first, so the first row seen per email is the one Postscript's rule picks.
      const rows = await select<SubscribersTable>(
        `select ${SUBSCRIBER} from "subscribers" where "shop_id" = ? and $any and "confirmed_at" is not null order by "confirmed_at" desc, "id" desc`,
        shopId,
        '"email"',
        emails,
      );
      for (const row of rows)
        if (row.email && !known.emails.has(keyOf(shopId, row.email))) {
          known.emails.set(keyOf(shopId, row.email), row.id);
          known.subscribers.set(row.id, row);
        }
    }
  }
  return known;
}
