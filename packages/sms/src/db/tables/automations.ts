/** Partner triggers, their fires, and the legacy automations they start. */

export interface TriggersTable {
  id: string;
  shop_id: string;
  name: string;
  tags: string;
  transactional_allowed: number;
  deleted_at: string | null;
  /** The wait the latest fire declared (contract SEQUENCE_WAIT_TAGS), or null. */
  declared_wait_days: number | null;
  declared_wait_after: 'fulfillment' | 'delivery' | null;
  declared_wait_at: string | null;
  /** Set on the row standing for an event type (migration 0010): automations on that type start from its events. */
  event_type: string | null;
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
