/** The outbox of texts, inbound texts, and what the dev carrier delivered. */

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
  /** An MMS's one image (a flow's message step), else null. */
  media_url: string | null;
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
  media_url: string | null;
  created_at: string;
}
