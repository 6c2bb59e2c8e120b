import type { AccountsSchema, Database, JobsSchema, SettingsTable } from '@rapport/kit';
import type { AutomationRunsTable, AutomationsTable, TriggerFiresTable, TriggersTable } from './tables/automations.js';
import type { EventDefinitionCountsTable, EventDefinitionsTable, EventsTable, IdempotencyKeysTable } from './tables/events.js';
import type { LinkClicksTable, ShortLinksTable } from './tables/links.js';
import type { FlowRunListenersTable, FlowRunStepsTable, FlowRunsTable, FlowsTable, FlowVersionsTable } from './tables/flows.js';
import type { DevCarrierMessagesTable, InboundMessagesTable, OutboxMessagesTable } from './tables/messages.js';
import type { ApiKeysTable, ShopsTable } from './tables/shops.js';
import type { ConsentEventsTable, SubscribersTable } from './tables/subscribers.js';

/**
 * Tables of the SMS platform's own database, one file per domain under `tables/`. Times are ISO-8601 UTC
 * text, booleans 0/1 integers and JSON lives in TEXT columns (kit's toJson/fromJson), so one set of
 * migrations serves SQLite and PostgreSQL.
 */
export type * from './tables/automations.js';
export type * from './tables/events.js';
export type * from './tables/flows.js';
export type * from './tables/links.js';
export type * from './tables/messages.js';
export type * from './tables/shops.js';
export type * from './tables/subscribers.js';

export interface SmsSchema extends JobsSchema, AccountsSchema {
  /** Key/value settings (kit's keyring): the generated sealing key when no RAPPORT_SECRET_KEY is configured. */
  settings: SettingsTable;
  shops: ShopsTable;
  api_keys: ApiKeysTable;
  subscribers: SubscribersTable;
  consent_events: ConsentEventsTable;
  events: EventsTable;
  event_definitions: EventDefinitionsTable;
  event_definition_counts: EventDefinitionCountsTable;
  idempotency_keys: IdempotencyKeysTable;
  triggers: TriggersTable;
  trigger_fires: TriggerFiresTable;
  automations: AutomationsTable;
  automation_runs: AutomationRunsTable;
  flows: FlowsTable;
  flow_versions: FlowVersionsTable;
  flow_runs: FlowRunsTable;
  flow_run_steps: FlowRunStepsTable;
  flow_run_listeners: FlowRunListenersTable;
  outbox_messages: OutboxMessagesTable;
  short_links: ShortLinksTable;
  link_clicks: LinkClicksTable;
  inbound_messages: InboundMessagesTable;
  dev_carrier_messages: DevCarrierMessagesTable;
}

export type SmsDatabase = Database<SmsSchema>;
