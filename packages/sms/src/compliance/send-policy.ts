import type { MessagePurpose, SubscriberStatus } from '../db/schema.js';

/**
 * What must hold, immediately before dispatch, for a message of each purpose (pure).
 *
 * Replies to the consumer's own action — the opt-in prompt right after they signed up, the confirmation of
 * their Y, the confirmation of their STOP, the answer to HELP — are exempt from quiet hours: the consumer
 * just wrote to us, so answering now is what they expect (and CTIA requires the STOP/HELP answers). Marketing
 * texts (automations) are held until the recipient's window opens.
 */
export interface SendPolicy {
  quietHours: boolean;
  /** Marketing message: the first one a subscriber gets must carry opt-out language. */
  marketing: boolean;
}

export function sendPolicy(purpose: MessagePurpose): SendPolicy {
  switch (purpose) {
    case 'automation':
      return { quietHours: true, marketing: true };
    case 'doi_prompt':
    case 'doi_confirmation':
    case 'opt_out_confirmation':
    case 'help':
      return { quietHours: false, marketing: false };
    default: {
      const never: never = purpose;
      throw new Error(`unknown message purpose ${String(never)}`);
    }
  }
}

/** null = may send; otherwise the suppression reason recorded on the outbox row. */
export function consentBlock(purpose: MessagePurpose, status: SubscriberStatus | null): string | null {
  switch (purpose) {
    case 'automation':
      if (status === 'subscribed') return null;
      return status === 'pending' ? 'not_confirmed' : 'opted_out';
    case 'doi_prompt':
      // A prompt is pointless once they confirmed, and unlawful once they said STOP.
      if (status === 'pending') return null;
      return status === 'subscribed' ? 'already_subscribed' : 'opted_out';
    case 'doi_confirmation':
    case 'opt_out_confirmation':
    case 'help':
      return null;
    default: {
      const never: never = purpose;
      throw new Error(`unknown message purpose ${String(never)}`);
    }
  }
}
