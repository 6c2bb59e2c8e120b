import { currentSealingKey, newId, open, seal, sealingKeyById, toBool, type Clock } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { SmsDatabase, SmsSchema } from '../db/schema.js';
import { API_KEY_KEYRING, API_KEY_SEALING_PURPOSE, generateKeyPair, hashPrivateKey } from './crypto.js';
import { ApiKeyNotFoundError, KeyRevealError } from '../errors.js';

/**
 * Security key pairs (Postscript's "Create Security Key Pair" → label → "Show"). Only the private key
 * authenticates; the public key identifies the pair and is never accepted for API calls.
 */

export interface ApiKeyView {
  id: string;
  shop_id: string;
  label: string | null;
  public_key: string;
  revoked: boolean;
  created_at: string;
  revoked_at: string | null;
}

export interface NewKeyPair {
  key_id: string;
  public_key: string;
  private_key: string;
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

export async function createKeyPair(
  database: SmsDatabase,
  clock: Clock,
  input: { shopId: string; label?: string; secretKey?: string },
): Promise<NewKeyPair> {
  return database.db.transaction().execute((trx) => insertKeyPair(trx, clock.now(), input));
}

export async function listKeys(database: SmsDatabase, shopId: string): Promise<ApiKeyView[]> {
  const rows = await database.db
    .selectFrom('api_keys')
    .selectAll()
    .where('shop_id', '=', shopId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    shop_id: r.shop_id,
    label: r.label,
    public_key: r.public_key,
    revoked: toBool(r.revoked),
    created_at: r.created_at,
    revoked_at: r.revoked_at,
  }));
}

/** "Show": decrypts the private key of a pair. */
export async function revealPrivateKey(database: SmsDatabase, clock: Clock, input: { keyId: string; secretKey?: string }): Promise<string> {
  const row = await database.db.selectFrom('api_keys').selectAll().where('id', '=', input.keyId).executeTakeFirst();
  if (!row) throw new ApiKeyNotFoundError(input.keyId);
  const key = await sealingKeyById(
    database.db,
    clock.now(),
    row.encryption_key_id,
    input.secretKey,
    API_KEY_SEALING_PURPOSE,
    API_KEY_KEYRING,
  );
  if (!key) throw new KeyRevealError(`key ${row.id} was sealed with a different RAPPORT_SECRET_KEY (${row.encryption_key_id})`);
  return open(key.key, row.private_key_ciphertext);
}

export async function revokeKey(database: SmsDatabase, clock: Clock, input: { keyId: string }): Promise<void> {
  const r = await database.db
    .updateTable('api_keys')
    .set({ revoked: 1, revoked_at: clock.now().toISOString() })
    .where('id', '=', input.keyId)
    .where('revoked', '=', 0)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    const exists = await database.db.selectFrom('api_keys').select('id').where('id', '=', input.keyId).executeTakeFirst();
    if (!exists) throw new ApiKeyNotFoundError(input.keyId);
  }
}

export interface AuthenticatedShop {
  shopId: string;
  shopName: string;
  keyId: string;
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
