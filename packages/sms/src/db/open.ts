import { migrateToLatest, openDatabase } from '@rapport/kit';
import { smsMigrations } from './migrations/index.js';
import type { SmsDatabase, SmsSchema } from './schema.js';

/** Opens the SMS platform's database (`sms.db` in the data dir, or schema `<prefix>sms`) and migrates it to the latest version. */
export async function openSmsDatabase(opts: { dataDir?: string; databaseUrl?: string; schemaPrefix?: string }): Promise<SmsDatabase> {
  const database = await openDatabase<SmsSchema>({
    name: 'sms',
    ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}),
    ...(opts.databaseUrl !== undefined ? { databaseUrl: opts.databaseUrl } : {}),
    ...(opts.schemaPrefix !== undefined ? { schemaPrefix: opts.schemaPrefix } : {}),
  });
  try {
    await migrateToLatest(database, smsMigrations);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
