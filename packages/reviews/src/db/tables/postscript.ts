/** The Postscript integration: its settings and the outbox of calls to Postscript. */

export type IntegrationStatus = 'connected' | 'needs_attention';

export interface PostscriptIntegrationsTable {
  store_id: string;
  /** The shop's private key (`sk_…`) sealed with AES-256-GCM (kit `seal`); never stored in clear. */
  private_key_sealed: string;
  /** Which key sealed it: `config:<fingerprint>` (RAPPORT_SECRET_KEY) or `settings:v1` (generated, in `settings`). */
  sealing_key_id: string;
  /** The key masked for display (`sk_…wxyz`). */
  private_key_hint: string;
  api_url: string;
  shop_id: string;
  shop_name: string;
  trigger_id: string;
  /** How event types are named on the wire: the seed's ("Review Created") or Postscript-safe ("review_created"). */
  event_names: 'seed' | 'postscript_safe';
  status: IntegrationStatus;
  status_reason: string | null;
  connected_at: string;
  updated_at: string;
}

export type OutboxKind = 'event' | 'trigger' | 'profile';

export type OutboxState = 'pending' | 'delivered' | 'skipped' | 'failed';

export interface PostscriptOutboxTable {
  id: string;
  store_id: string;
  /** Customer whose calls must reach Postscript in order. */
  customer_id: string;
  kind: OutboxKind;
  /** Event type, trigger name, or "profile". */
  name: string;
  /** JSON of what is sent (the subscriber id is added at delivery). */
  payload: string;
  /** Unique: one domain fact yields one row; also sent to Postscript (`external_id`, `Idempotency-Key`). */
  external_id: string;
  /** Order within the writing transaction (ties on created_at). */
  seq: number;
  state: OutboxState;
  attempts: number;
  last_error: string | null;
  /** Why a row was skipped: not_a_subscriber, not_connected, invalid_properties. */
  skip_reason: string | null;
  /** Last response from Postscript (status and body, truncated). */
  response: string | null;
  /** Times the row was replayed from the delivery log; part of the delivery job's dedupe key. */
  replays: number;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}
