import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely, Migration } from 'kysely';
import {
  configSealingKey,
  currentSealingKey,
  deriveKey,
  jobsMigration,
  keyFingerprint,
  open,
  openTestDatabase,
  seal,
  sealingKeyById,
  SETTINGS_SEALING_KEY_ID,
  type Database,
  type SettingsSchema,
} from '../src/index.js';

const settingsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};

let database: Database<SettingsSchema>;
let db: Kysely<SettingsSchema>;
const now = new Date('2026-01-05T10:00:00Z');

before(async () => {
  // With kit's jobs table, as in every service database (migrateToLatest expects one on PostgreSQL).
  database = await openTestDatabase<SettingsSchema>('kit_secrets', { '0000_jobs': jobsMigration, '0001_settings': settingsMigration });
  db = database.db;
});
after(async () => database.close());

/** Flips one bit of the decoded payload at `index` (0–11 IV, 12–27 tag, 28… ciphertext). */
function flip(sealed: string, index: number): string {
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  raw[index] = (raw[index] ?? 0) ^ 0x01;
  return `v1.${raw.toString('base64url')}`;
}

describe('sealing secrets (AES-256-GCM)', () => {
  const key = deriveKey('a secret', 'kit-test');

  test('round trip, with a fresh IV per seal', () => {
    for (const plaintext of ['sk_live_0123456789abcdef', '', 'ünïcødé ✓']) {
      const sealed = seal(key, plaintext);
      assert.match(sealed, /^v1\.[A-Za-z0-9_-]+$/);
      assert.equal(open(key, sealed), plaintext);
    }
    const a = seal(key, 'same');
    const b = seal(key, 'same');
    assert.notEqual(a, b);
    assert.ok(!a.includes('same'));
  });

  test('a tampered value throws (IV, tag, ciphertext, format, truncation)', () => {
    const sealed = seal(key, 'sk_live_0123456789abcdef');
    for (const index of [0, 11, 12, 27, 28, 40]) assert.throws(() => open(key, flip(sealed, index)), `bit flipped at ${index}`);
    assert.throws(() => open(key, `v2.${sealed.slice(3)}`), /unknown sealed-value format/);
    assert.throws(() => open(key, sealed.slice(0, 20)), /truncated/);
    assert.throws(() => open(key, sealed.slice(0, -4)));
  });

  test('the wrong key throws', () => {
    const sealed = seal(key, 'sk_live_0123456789abcdef');
    assert.throws(() => open(deriveKey('another secret', 'kit-test'), sealed));
    assert.throws(() => open(deriveKey('a secret', 'another-purpose'), sealed));
  });

  test('deriveKey is SHA-256 of "purpose:secret": values sealed by the SMS platform before kit still open', () => {
    // Recorded with packages/sms/src/keys/crypto.ts as it was before the move to kit.
    const legacy = deriveKey('legacy-secret', 'rapport-sms-api-keys');
    assert.equal(legacy.toString('hex'), '0b88324a06f5a91dd81311c98c89a58aaf1bf065e808376a786da48f1f8ec27c');
    assert.equal(keyFingerprint(legacy), 'eff8d496abcabca4');
    assert.equal(
      open(legacy, 'v1.HyISRDhGGQQ3M3nnZyo3diB5a7ggBiH4dih18N1Zu78n9DL3r5ObCMsSoRP_QSG3XhRgAO8q2xw'),
      'sk_legacy_fixture_0123456789',
    );
  });
});

describe('keyring (configured secret, else a key generated into settings)', () => {
  test('key ids are stable: the same secret and purpose always give the same id and key', async () => {
    const a = await currentSealingKey(db, now, 's3cret', 'purpose-a');
    const b = configSealingKey('s3cret', 'purpose-a');
    assert.equal(a.id, b.id);
    assert.match(a.id, /^config:[0-9a-f]{16}$/);
    assert.equal(a.id, `config:${keyFingerprint(deriveKey('s3cret', 'purpose-a'))}`);
    assert.ok(a.key.equals(b.key));
    // Another purpose or another secret: another key, another id.
    assert.notEqual(configSealingKey('s3cret', 'purpose-b').id, a.id);
    assert.notEqual(configSealingKey('other', 'purpose-a').id, a.id);
    // A configured secret never touches settings.
    assert.equal((await db.selectFrom('settings').selectAll().execute()).length, 0);
  });

  test('without a secret a key is generated once into settings and reused across calls', async () => {
    const first = await currentSealingKey(db, now, undefined, 'purpose-a');
    assert.equal(first.id, SETTINGS_SEALING_KEY_ID);
    assert.equal(first.key.length, 32);
    const later = await currentSealingKey(db, new Date(now.getTime() + 60_000), undefined, 'purpose-a');
    assert.ok(later.key.equals(first.key));
    const rows = await db.selectFrom('settings').selectAll().where('key', '=', 'sealing_key:purpose-a').execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.created_at, now.toISOString());
    assert.ok(!rows[0]?.value.includes(first.key.toString('hex')));
    assert.ok(Buffer.from(rows[0]?.value ?? '', 'base64').equals(first.key));

    // Each purpose has its own generated key; a legacy row name can be given.
    const other = await currentSealingKey(db, now, undefined, 'purpose-b');
    assert.ok(!other.key.equals(first.key));
    const legacy = await currentSealingKey(db, now, undefined, 'purpose-c', { settingsKey: 'api_key_encryption_key' });
    assert.ok((await db.selectFrom('settings').select('key').where('key', '=', 'api_key_encryption_key').executeTakeFirst()) !== undefined);
    assert.ok((await currentSealingKey(db, now, undefined, 'purpose-c', { settingsKey: 'api_key_encryption_key' })).key.equals(legacy.key));
  });

  test('concurrent first uses agree on one generated key', async () => {
    const keys = await Promise.all(Array.from({ length: 6 }, () => currentSealingKey(db, now, undefined, 'purpose-race')));
    for (const k of keys) assert.ok(k.key.equals(keys[0]!.key));
    assert.equal((await db.selectFrom('settings').selectAll().where('key', '=', 'sealing_key:purpose-race').execute()).length, 1);
  });

  test('sealingKeyById finds the key a value was sealed with, or null when this process lacks it', async () => {
    const bySettings = await currentSealingKey(db, now, undefined, 'purpose-d');
    const byConfig = await currentSealingKey(db, now, 'server-secret', 'purpose-d');
    const sealedA = seal(bySettings.key, 'sk_a');
    const sealedB = seal(byConfig.key, 'sk_b');

    // The settings key opens for any process, with or without a secret.
    for (const secret of [undefined, 'server-secret', 'other']) {
      const k = await sealingKeyById(db, now, bySettings.id, secret, 'purpose-d');
      assert.equal(open(k!.key, sealedA), 'sk_a');
    }
    // The config key only for a process with the same secret.
    const k = await sealingKeyById(db, now, byConfig.id, 'server-secret', 'purpose-d');
    assert.equal(open(k!.key, sealedB), 'sk_b');
    assert.equal(await sealingKeyById(db, now, byConfig.id, undefined, 'purpose-d'), null);
    assert.equal(await sealingKeyById(db, now, byConfig.id, 'other', 'purpose-d'), null);
    assert.equal(await sealingKeyById(db, now, 'config:0000000000000000', 'server-secret', 'purpose-d'), null);
  });
});
