import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SmsSchema } from '../db/schema.js';
import { deriveKey, keyFingerprint } from './crypto.js';

/**
 * Which key seals private-key copies: one derived from RAPPORT_SECRET_KEY when configured, else a random key
 * generated once and kept in the settings table. Each sealed copy records its key id, so keys created by the
 * CLI (which has no secret configured) stay revealable by a server that has one, and vice versa.
 */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

const SETTINGS_KEY = 'api_key_encryption_key';
export const SETTINGS_KEY_ID = 'settings:v1';

export async function settingsKey(db: Kysely<SmsSchema>, now: Date): Promise<EncryptionKey> {
  await db
    .insertInto('settings')
    .values({ key: SETTINGS_KEY, value: randomBytes(32).toString('base64'), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirstOrThrow();
  return { id: SETTINGS_KEY_ID, key: Buffer.from(row.value, 'base64') };
}

export function configKey(secretKey: string): EncryptionKey {
  const key = deriveKey(secretKey);
  return { id: `config:${keyFingerprint(key)}`, key };
}

/** The key new copies are sealed with. */
export async function currentKey(db: Kysely<SmsSchema>, now: Date, secretKey: string | undefined): Promise<EncryptionKey> {
  return secretKey ? configKey(secretKey) : settingsKey(db, now);
}

/** The key a stored copy was sealed with, or null if it is not available to this process. */
export async function keyById(db: Kysely<SmsSchema>, now: Date, id: string, secretKey: string | undefined): Promise<EncryptionKey | null> {
  if (id === SETTINGS_KEY_ID) return settingsKey(db, now);
  if (secretKey) {
    const k = configKey(secretKey);
    if (k.id === id) return k;
  }
  return null;
}
