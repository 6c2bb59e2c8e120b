import type { RapportConfig } from '@rapport/kit';
import { emit } from '../output.js';
import { storageOf, withReviews, withSms } from '../runtime.js';

/** Opening a database migrates it; this command exists so operators can do it before a deploy. */
export async function migrateCommand(config: RapportConfig, opts: { json?: boolean }): Promise<void> {
  const storage = storageOf(config);
  await withSms(storage, async () => undefined);
  await withReviews(storage, async () => undefined);
  emit(opts.json === true, { migrated: true }, 'Both databases are at the latest schema.');
}
