import { jobsCoalesceMigration, jobsMigration, type Migrations } from '@rapport/kit';
import { initialMigration } from './0001_initial.js';
import { eventsProcessingMigration } from './0003_events_processing.js';
import { eventsProcessedAtIngestMigration } from './0004_events_processed_at_ingest.js';

/** Every migration of the SMS database, in the order it runs. */
export const smsMigrations: Migrations = {
  '0000_jobs': jobsMigration,
  '0001_initial': initialMigration,
  '0002_jobs_coalesce': jobsCoalesceMigration,
  '0003_events_processing': eventsProcessingMigration,
  '0004_events_processed_at_ingest': eventsProcessedAtIngestMigration,
};
