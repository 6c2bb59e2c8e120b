import type { Database, JobsSchema } from '@rapport/kit';

/**
 * Tables of the SMS platform's own database. Times are ISO-8601 UTC text, booleans 0/1 integers and
 * JSON lives in TEXT columns (kit's toJson/fromJson), so one set of migrations serves SQLite and PostgreSQL.
 */

/** Key/value settings; holds the generated encryption key when no RAPPORT_SECRET_KEY is configured. */
export interface SettingsTable {
  key: string;
  value: string;
  created_at: string;
}

export interface ShopsTable {
  id: string;
  name: string;
  /** Fallback time zone for quiet hours when a subscriber's cannot be told from their number. */
  timezone: string;
  created_at: string;
  updated_at: string;
}

export interface ApiKeysTable {
  id: string;
  shop_id: string;
  label: string | null;
  public_key: string;
  /** SHA-256 (hex) of the private key: what authentication looks up. */
  private_key_hash: string;
  /** AES-256-GCM copy of the private key, so "Show" can reveal it. */
  private_key_ciphertext: string;
  /** Which encryption key sealed the copy (`settings:v1` or `config:<fingerprint>`). */
  encryption_key_id: string;
  revoked: number;
  created_at: string;
  revoked_at: string | null;
}

export type SubscriberStatus = 'pending' | 'subscribed' | 'unsubscribed';

export interface SubscribersTable {
  id: string;
  shop_id: string;
  /** E.164; unique per shop. */
  phone_number: string;
  /** Lower-cased. */
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  shopify_customer_id: string | null;
  properties: string;
  tags: string;
  status: SubscriberStatus;
  origin: string | null;
  keyword: string | null;
  external_id: string | null;
  /** JSON array of IANA zones from the number's area code; empty = unknown (shop default applies). */
  time_zones: string;
  /** Two-letter state/province from the number's area code, when known. */
  region: string | null;
  /** Set the first time the subscriber confirms; only such subscribers appear in the list endpoint. */
  confirmed_at: string | null;
  opted_out_at: string | null;
  /** When the subscriber first received opt-out language on a marketing message. */
  opt_out_notice_at: string | null;
  created_at: string;
  updated_at: string;
}

export type ConsentAction = 'opt_in_requested' | 'opted_in' | 'opted_out';

/** Consent evidence: every opt-in request, confirmation and opt-out, with its source and exact wording. */
export interface ConsentEventsTable {
  id: string;
  shop_id: string;
  subscriber_id: string;
  action: ConsentAction;
  source: string;
  detail: string | null;
  created_at: string;
}

export interface EventsTable {
  id: string;
  shop_id: string;
  type: string;
  subscriber_id: string | null;
  phone: string | null;
  email: string | null;
  properties: string;
  occurred_at: string;
  external_id: string | null;
  processed_at: string | null;
  created_at: string;
}

export interface EventDefinitionsTable {
  shop_id: string;
  name: string;
  /** JSON array of every property key seen on this event type. */
  property_keys: string;
  first_seen_at: string;
  last_seen_at: string;
  event_count: number;
}

export interface IdempotencyKeysTable {
  shop_id: string;
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: string;
}

export interface TriggersTable {
  id: string;
  shop_id: string;
  name: string;
  tags: string;
  transactional_allowed: number;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TriggerFiresTable {
  id: string;
  shop_id: string;
  trigger_id: string;
  subscriber_id: string;
  tag_values: string;
  created_at: string;
}

export interface LegacyMessageStep {
  body: string;
  /** Wait after the previous step (after the fire, for the first step). */
  delay_minutes: number;
}

export interface AutomationsTable {
  id: string;
  shop_id: string;
  kind: 'legacy';
  name: string;
  trigger_id: string;
  /** JSON array of LegacyMessageStep. */
  messages: string;
  enabled: number;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AutomationRunsTable {
  id: string;
  shop_id: string;
  automation_id: string;
  subscriber_id: string;
  fire_id: string;
  created_at: string;
}

export type OutboxStatus = 'queued' | 'dispatching' | 'sent' | 'failed' | 'suppressed';

/**
 * Why a message exists. Everything but `automation` answers the consumer's own action (their sign-up or
 * their reply), which decides whether quiet hours and the opt-in re-check apply (compliance/send-policy.ts).
 */
export type MessagePurpose = 'doi_prompt' | 'doi_confirmation' | 'opt_out_confirmation' | 'help' | 'automation';

export interface OutboxMessagesTable {
  id: string;
  shop_id: string;
  subscriber_id: string | null;
  to_phone: string;
  from_phone: string | null;
  body: string;
  purpose: MessagePurpose;
  segments: number;
  encoding: string;
  /** JSON array of strings (e.g. a tag that rendered empty). */
  warnings: string;
  status: OutboxStatus;
  status_reason: string | null;
  automation_id: string | null;
  run_id: string | null;
  fire_id: string | null;
  step: number | null;
  send_at: string;
  held_until: string | null;
  provider: string | null;
  provider_message_id: string | null;
  delivery_status: string | null;
  error: string | null;
  dispatch_attempts: number;
  dispatched_at: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface InboundMessagesTable {
  id: string;
  shop_id: string | null;
  subscriber_id: string | null;
  from_phone: string;
  to_phone: string | null;
  body: string;
  classification: string;
  provider: string;
  provider_message_id: string | null;
  created_at: string;
}

/** What the dev carrier "delivered": one row per outbox message (idempotent), plus the phone's replies. */
export interface DevCarrierMessagesTable {
  id: string;
  outbox_id: string | null;
  direction: 'outbound' | 'inbound';
  to_phone: string;
  from_phone: string;
  body: string;
  created_at: string;
}

export interface SmsSchema extends JobsSchema {
  settings: SettingsTable;
  shops: ShopsTable;
  api_keys: ApiKeysTable;
  subscribers: SubscribersTable;
  consent_events: ConsentEventsTable;
  events: EventsTable;
  event_definitions: EventDefinitionsTable;
  idempotency_keys: IdempotencyKeysTable;
  triggers: TriggersTable;
  trigger_fires: TriggerFiresTable;
  automations: AutomationsTable;
  automation_runs: AutomationRunsTable;
  outbox_messages: OutboxMessagesTable;
  inbound_messages: InboundMessagesTable;
  dev_carrier_messages: DevCarrierMessagesTable;
}

export type SmsDatabase = Database<SmsSchema>;
