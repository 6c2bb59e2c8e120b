import { currentSealingKey, newId, open, seal, sealingKeyById, toBool } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { ApiKeysTable, SmsSchema } from '../db/schema.js';
import { ApiKeyNotFoundError, KeyRevealError } from '../errors.js';
import type { ApiKeyView, NewKeyPair } from '../schemas/keys.js';
import { API_KEY_KEYRING, API_KEY_SEALING_PURPOSE, generateKeyPair, hashPrivateKey } from './crypto.js';

/**
 * Security key pairs (Postscript's "Create Security Key Pair" → label → "Show"). Only the private key
 * authenticates; the public key identifies the pair and is never accepted for API calls.
 */

export function apiKeyView(r: ApiKeysTable): ApiKeyView {
  return {
    id: r.id,
    shop_id: r.shop_id,
    label: r.label,
    public_key: r.public_key,
    revoked: toBool(r.revoked),
    created_at: r.created_at,
    revoked_at: r.revoked_at,
  };
}

/** Creates a pair inside the caller's transaction; the private key is returned once here and revealable later. */
export async function insertKeyPair(
  trx: Kysely<SmsSchema>,
  now: Date,
  input: { shopId: string; label?: string | undefined; secretKey?: string | undefined },
): Promise<NewKeyPair> {
  const { publicKey, privateKey } = generateKeyPair();
  const enc = await currentSealingKey(trx, now, input.secretKey, API_KEY_SEALING_PURPOSE, API_KEY_KEYRING);
  const id = newId('key');
  await trx
    .insertInto('api_keys')
    .values({
      id,
      shop_id: input.shopId,
      label: input.label ?? null,
      public_key: publicKey,
      private_key_hash: hashPrivateKey(privateKey),
      private_key_ciphertext: seal(enc.key, privateKey),
      encryption_key_id: enc.id,
      revoked: 0,
      created_at: now.toISOString(),
      revoked_at: null,
    })
    .execute();
  return { key_id: id, public_key: publicKey, private_key: privateKey };
}

export async function listKeyRows(db: Kysely<SmsSchema>, shopId: string): Promise<ApiKeysTable[]> {
  return db.selectFrom('api_keys').selectAll().where('shop_id', '=', shopId).orderBy('created_at').orderBy('id').execute();
}

export async function requireKey(db: Kysely<SmsSchema>, keyId: string): Promise<ApiKeysTable> {
  const row = await db.selectFrom('api_keys').selectAll().where('id', '=', keyId).executeTakeFirst();
  if (!row) throw new ApiKeyNotFoundError(keyId);
  return row;
}

/** "Show": decrypts the private key of a pair. */
export async function openPrivateKey(db: Kysely<SmsSchema>, now: Date, row: ApiKeysTable, secretKey: string | undefined): Promise<string> {
  const key = await sealingKeyById(db, now, row.encryption_key_id, secretKey, API_KEY_SEALING_PURPOSE, API_KEY_KEYRING);
  if (!key) throw new KeyRevealError(`key ${row.id} was sealed with a different RAPPORT_SECRET_KEY (${row.encryption_key_id})`);
  return open(key.key, row.private_key_ciphertext);
}

/** Revokes a pair (idempotent); throws ApiKeyNotFoundError for an unknown key. */
export async function revokeKeyRow(db: Kysely<SmsSchema>, now: Date, keyId: string): Promise<void> {
  const r = await db
    .updateTable('api_keys')
    .set({ revoked: 1, revoked_at: now.toISOString() })
    .where('id', '=', keyId)
    .where('revoked', '=', 0)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) await requireKey(db, keyId);
}

export interface AuthenticatedShop {
  shopId: string;
  shopName: string;
  /** The key that authenticated; null when the dashboard's session did. */
  keyId: string | null;
}

/** The shop a private key belongs to, or null for anything else (public keys, unknown or revoked keys). */
export async function authenticatePrivateKey(db: Kysely<SmsSchema>, token: string): Promise<AuthenticatedShop | null> {
  if (!token.startsWith('sk_')) return null;
  const row = await db
    .selectFrom('api_keys')
    .innerJoin('shops', 'shops.id', 'api_keys.shop_id')
    .select(['api_keys.id as keyId', 'api_keys.revoked', 'shops.id as shopId', 'shops.name as shopName'])
    .where('api_keys.private_key_hash', '=', hashPrivateKey(token))
    .executeTakeFirst();
  if (!row || toBool(row.revoked)) return null;
  return { shopId: row.shopId, shopName: row.shopName, keyId: row.keyId };
}

/** A pair of this shop, or the same 404 as an unknown one (another shop's key id cannot be probed). */
export async function requireShopKey(db: Kysely<SmsSchema>, shopId: string, keyId: string): Promise<ApiKeysTable> {
  const row = await db.selectFrom('api_keys').selectAll().where('id', '=', keyId).where('shop_id', '=', shopId).executeTakeFirst();
  if (!row) throw new ApiKeyNotFoundError(keyId);
  return row;
}

/** The label the merchant gives a pair (null clears it). */
export async function relabelKey(db: Kysely<SmsSchema>, shopId: string, keyId: string, label: string | null): Promise<ApiKeysTable> {
  await requireShopKey(db, shopId, keyId);
  await db.updateTable('api_keys').set({ label }).where('id', '=', keyId).execute();
  return requireShopKey(db, shopId, keyId);
}
