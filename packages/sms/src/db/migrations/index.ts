import { jobsCoalesceMigration, jobsMigration, type Migrations } from '@rapport/kit';
import { initialMigration } from './0001_initial.js';
import { eventsProcessingMigration } from './0003_events_processing.js';
import { eventsProcessByBatchMigration } from './0004_events_process_by_batch.js';
import { eventsStartAtIngestMigration } from './0005_events_start_at_ingest.js';
import { eventDefinitionCountsMigration } from './0006_event_definition_counts.js';
import { accountsAndCurrencyMigration } from './0007_accounts.js';
import { triggerDeclaredWaitMigration } from './0009_trigger_declared_wait.js';
import { eventTriggersMigration } from './0010_event_triggers.js';
import { flowsMigration } from './0011_flows.js';
import { shortLinksMigration } from './0012_short_links.js';

/** Every migration of the SMS database, in the order it runs. A migration that has landed is never edited. */
export const smsMigrations: Migrations = {
  '0000_jobs': jobsMigration,
  '0001_initial': initialMigration,
  '0002_jobs_coalesce': jobsCoalesceMigration,
  '0003_events_processing': eventsProcessingMigration,
  '0004_events_process_by_batch': eventsProcessByBatchMigration,
  '0005_events_start_at_ingest': eventsStartAtIngestMigration,
  '0006_event_definition_counts': eventDefinitionCountsMigration,
  '0007_accounts': accountsAndCurrencyMigration,
  '0009_trigger_declared_wait': triggerDeclaredWaitMigration,
  '0010_event_triggers': eventTriggersMigration,
  '0011_flows': flowsMigration,
  '0012_short_links': shortLinksMigration,
};
