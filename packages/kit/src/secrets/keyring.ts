import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { deriveKey, keyFingerprint } from './seal.js';

/**
 * Which key seals a service's secrets: one derived from the configured secret (RAPPORT_SECRET_KEY) when
 * there is one, else a random key generated once and kept in the service's `settings` table. Each sealed
 * value records the id of its key (`config:<fingerprint>` or `settings:v1`), so values sealed by a process
 * without the secret (the CLI) stay readable by one that has it, and vice versa.
 *
 * Works on any database with a `settings(key text primary key, value text, created_at text)` table.
 */

export interface SettingsTable {
  key: string;
  value: string;
  created_at: string;
}

export interface SettingsSchema {
  settings: SettingsTable;
}

export interface SealingKey {
  /** Stored beside each sealed value: `config:<fingerprint>` or `settings:v1`. */
  id: string;
  key: Buffer;
}

export interface KeyringOptions {
  /** Name of the settings row holding the generated key; default `sealing_key:<purpose>`. */
  settingsKey?: string;
}

export const SETTINGS_SEALING_KEY_ID = 'settings:v1';

const settingsRow = (purpose: string, options: KeyringOptions): string => options.settingsKey ?? `sealing_key:${purpose}`;

// Kysely's generics are invariant; any schema with a settings table can be used as SettingsSchema (sound).
const asSettingsDb = <DB extends SettingsSchema>(db: Kysely<DB>): Kysely<SettingsSchema> => db as unknown as Kysely<SettingsSchema>;

/** The generated key of this purpose, created on first use (concurrent first uses agree on one key). */
export async function settingsSealingKey<DB extends SettingsSchema>(
  db: Kysely<DB>,
  now: Date,
  purpose: string,
  options: KeyringOptions = {},
): Promise<SealingKey> {
  const sdb = asSettingsDb(db);
  const name = settingsRow(purpose, options);
  const read = () => sdb.selectFrom('settings').select('value').where('key', '=', name).executeTakeFirst();
  let row = await read();
  if (!row) {
    await sdb
      .insertInto('settings')
      .values({ key: name, value: randomBytes(32).toString('base64'), created_at: now.toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    row = await read();
    if (!row) throw new Error(`settings row ${name} could not be created`);
  }
  return { id: SETTINGS_SEALING_KEY_ID, key: Buffer.from(row.value, 'base64') };
}

/** The key derived from a configured secret for this purpose. */
export function configSealingKey(secretKey: string, purpose: string): SealingKey {
  const key = deriveKey(secretKey, purpose);
  return { id: `config:${keyFingerprint(key)}`, key };
}

/** The key new values are sealed with. */
export async function currentSealingKey<DB extends SettingsSchema>(
  db: Kysely<DB>,
  now: Date,
  secretKey: string | undefined,
  purpose: string,
  options: KeyringOptions = {},
): Promise<SealingKey> {
  return secretKey ? configSealingKey(secretKey, purpose) : settingsSealingKey(db, now, purpose, options);
}

/** The key a stored value was sealed with, or null when it is not available to this process (another secret). */
export async function sealingKeyById<DB extends SettingsSchema>(
  db: Kysely<DB>,
  now: Date,
  id: string,
  secretKey: string | undefined,
  purpose: string,
  options: KeyringOptions = {},
): Promise<SealingKey | null> {
  if (id === SETTINGS_SEALING_KEY_ID) return settingsSealingKey(db, now, purpose, options);
  if (secretKey) {
    const k = configSealingKey(secretKey, purpose);
    if (k.id === id) return k;
  }
  return null;
}
