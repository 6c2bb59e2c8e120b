import { jobsCoalesceMigration, jobsMigration, type Migrations } from '@rapport/kit';
import { initialMigration } from './0001_initial.js';
import { sealedPostscriptKeyMigration } from './0002_sealed_postscript_key.js';
import { storeApiKeysMigration } from './0003_store_api_keys.js';
import { activitiesMigration } from './0004_activities.js';
import { postscriptEventNamesMigration } from './0005_postscript_event_names.js';
import { accountsAndLocaleMigration } from './0007_accounts.js';
import { profileBackfillsMigration } from './0008_profile_backfills.js';

/** Every migration of the reviews database, in the order they run (kit's jobs table first). */
export const reviewsMigrations: Migrations = {
  '0000_jobs': jobsMigration,
  '0001_initial': initialMigration,
  '0002_sealed_postscript_key': sealedPostscriptKeyMigration,
  '0003_store_api_keys': storeApiKeysMigration,
  '0004_activities': activitiesMigration,
  '0005_postscript_event_names': postscriptEventNamesMigration,
  '0006_jobs_coalesce': jobsCoalesceMigration,
  '0007_accounts': accountsAndLocaleMigration,
  '0008_profile_backfills': profileBackfillsMigration,
};
