import { currentSealingKey, open, seal, sealingKeyById, type SettingsTable } from '@rapport/kit';
import type { Kysely, Migration } from 'kysely';
import { maskKey, POSTSCRIPT_KEY_PURPOSE } from '../../integrations/postscript/key-sealing.js';

/**
 * The Postscript private key stops being stored in plain text: `postscript_integrations.private_key` is
 * replaced by `private_key_sealed` (AES-256-GCM), `sealing_key_id` and `private_key_hint` (`sk_…wxyz`), and a
 * `settings` table holds the generated sealing key (kit keyring).
 *
 * Existing rows are sealed here, in the migration's transaction, so no plaintext key survives the upgrade.
 * Migrations do not see RAPPORT_SECRET_KEY, so they are sealed with the key generated into `settings`
 * (`settings:v1`), which every process can open; saving the key again re-seals it under the configured
 * secret. The table is rebuilt (create, copy, drop, rename) rather than altered, so the new columns are
 * NOT NULL on SQLite and PostgreSQL alike.
 */

const TABLE = 'postscript_integrations';
const REBUILT = 'postscript_integrations_0002';

interface CommonColumns {
  store_id: string;
  api_url: string;
  shop_id: string;
  shop_name: string;
  trigger_id: string;
  status: string;
  status_reason: string | null;
  connected_at: string;
  updated_at: string;
}
interface PlainRow extends CommonColumns {
  private_key: string;
}
interface SealedRow extends CommonColumns {
  private_key_sealed: string;
  sealing_key_id: string;
  private_key_hint: string;
}
/** Up: the plain table is rebuilt sealed. */
interface UpSchema {
  settings: SettingsTable;
  [TABLE]: PlainRow;
  [REBUILT]: SealedRow;
}
/** Down: the sealed table is rebuilt plain. */
interface DownSchema {
  settings: SettingsTable;
  [TABLE]: SealedRow;
  [REBUILT]: PlainRow;
}
type MigrationSchema = UpSchema | DownSchema;

/** Kysely runs PostgreSQL migrations in a transaction but not SQLite ones; this one is all-or-nothing on both. */
async function atomically<S extends MigrationSchema>(db: Kysely<unknown>, fn: (trx: Kysely<S>) => Promise<void>): Promise<void> {
  const typed = db as Kysely<S>;
  if (typed.isTransaction) await fn(typed);
  else await typed.transaction().execute(fn);
}

/** The integration table with its key stored `sealed` (this migration's shape) or `plain` (0001's). */
async function createIntegrationTable(trx: Kysely<MigrationSchema>, name: string, key: 'sealed' | 'plain'): Promise<void> {
  let t = trx.schema.createTable(name).addColumn('store_id', 'text', (c) => c.primaryKey().references('stores.id'));
  t =
    key === 'sealed'
      ? t
          .addColumn('private_key_sealed', 'text', (c) => c.notNull())
          .addColumn('sealing_key_id', 'text', (c) => c.notNull())
          .addColumn('private_key_hint', 'text', (c) => c.notNull())
      : t.addColumn('private_key', 'text', (c) => c.notNull());
  await t
    .addColumn('api_url', 'text', (c) => c.notNull())
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('shop_name', 'text', (c) => c.notNull())
    .addColumn('trigger_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('connected_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

const common = (r: CommonColumns): CommonColumns => ({
  store_id: r.store_id,
  api_url: r.api_url,
  shop_id: r.shop_id,
  shop_name: r.shop_name,
  trigger_id: r.trigger_id,
  status: r.status,
  status_reason: r.status_reason,
  connected_at: r.connected_at,
  updated_at: r.updated_at,
});

async function swap(trx: Kysely<MigrationSchema>): Promise<void> {
  await trx.schema.dropTable(TABLE).execute();
  await trx.schema.alterTable(REBUILT).renameTo(TABLE).execute();
}

export const sealedPostscriptKeyMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await atomically<UpSchema>(db, async (trx) => {
      await trx.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await createIntegrationTable(trx, REBUILT, 'sealed');

      const rows: PlainRow[] = await trx.selectFrom(TABLE).selectAll().execute();
      if (rows.length > 0) {
        // Migrations have no clock; the instant only dates the generated key's settings row.
        const key = await currentSealingKey(trx, new Date(), undefined, POSTSCRIPT_KEY_PURPOSE);
        for (const r of rows) {
          const sealed: SealedRow = {
            ...common(r),
            private_key_sealed: seal(key.key, r.private_key),
            sealing_key_id: key.id,
            private_key_hint: maskKey(r.private_key),
          };
          await trx.insertInto(REBUILT).values(sealed).execute();
        }
      }
      await swap(trx);
    });
  },

  /**
   * Back to plain text, for keys sealed with the generated `settings` key. Migrations do not see
   * RAPPORT_SECRET_KEY, so a key saved under it cannot be restored: the rollback refuses, changing nothing
   * (disconnect that store first, and connect it again afterwards).
   */
  async down(db: Kysely<unknown>) {
    await atomically<DownSchema>(db, async (trx) => {
      await createIntegrationTable(trx, REBUILT, 'plain');
      const rows: SealedRow[] = await trx.selectFrom(TABLE).selectAll().execute();
      for (const r of rows) {
        const key = await sealingKeyById(trx, new Date(), r.sealing_key_id, undefined, POSTSCRIPT_KEY_PURPOSE);
        if (!key)
          throw new Error(`cannot restore the Postscript key of store ${r.store_id} in plain text: it is sealed with ${r.sealing_key_id}`);
        const plain: PlainRow = { ...common(r), private_key: open(key.key, r.private_key_sealed) };
        await trx.insertInto(REBUILT).values(plain).execute();
      }
      await swap(trx);
      await trx.schema.dropTable('settings').execute();
    });
  },
};
