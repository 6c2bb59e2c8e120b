import { createHash } from 'node:crypto';
import { Invalid } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { SmsSchema } from '../db/schema.js';
import { IdempotencyMismatchError } from '../errors.js';

/**
 * `Idempotency-Key` (Stripe semantics): the first request's response is stored in the same transaction as
 * its effects; a retry with the same key replays that response and does nothing else; the same key with a
 * different request is refused (422). The primary key (shop, scope, key) is the guarantee under concurrency.
 */

export interface StoredResponse<T> {
  statusCode: number;
  body: T;
}

export function requestHash(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('hex');
}

export async function replayIdempotent<T>(
  trx: Kysely<SmsSchema>,
  args: { shopId: string; scope: string; key: string; hash: string },
): Promise<StoredResponse<T> | null> {
  const row = await trx
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('shop_id', '=', args.shopId)
    .where('scope', '=', args.scope)
    .where('key', '=', args.key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== args.hash) throw new IdempotencyMismatchError();
  return { statusCode: row.status_code, body: JSON.parse(row.response_body) as T };
}

export async function saveIdempotent<T>(
  trx: Kysely<SmsSchema>,
  now: Date,
  args: { shopId: string; scope: string; key: string; hash: string; response: StoredResponse<T> },
): Promise<void> {
  await trx
    .insertInto('idempotency_keys')
    .values({
      shop_id: args.shopId,
      scope: args.scope,
      key: args.key,
      request_hash: args.hash,
      status_code: args.response.statusCode,
      response_body: JSON.stringify(args.response.body),
      created_at: now.toISOString(),
    })
    .execute();
}

/** Idempotency-Key header value, validated (1–255 visible characters), or undefined when absent. */
export function idempotencyKeyOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const raw = headers['idempotency-key'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return undefined;
  if (value.length < 1 || value.length > 255 || !/^[\x21-\x7e]+$/.test(value)) {
    throw new Invalid('Idempotency-Key must be 1–255 visible ASCII characters', ['header', 'idempotency-key']);
  }
  return value;
}
