import { openMigratedDatabase, type DbConfig } from '@rapport/kit';
import { smsMigrations } from './migrations/index.js';
import type { SmsDatabase, SmsSchema } from './schema.js';

/** Opens the SMS platform's database (`sms.db` in the data dir, or schema `<prefix>sms`), migrated to the latest version. */
export function openSmsDatabase(opts: Omit<DbConfig, 'name'>): Promise<SmsDatabase> {
  return openMigratedDatabase<SmsSchema>({ ...opts, name: 'sms' }, smsMigrations);
}
