import { ProviderRejectedError } from './provider.js';

/**
 * Which Twilio REST errors are final (pure). Everything else — 429/20429 throttling, 5xx, network errors,
 * auth misconfiguration the operator can fix — is retried with backoff, and reconciled before any resend.
 * Codes: twilio.com/docs/api/errors (see shared/reference/sms-compliance-performance-reliability.md §2.5).
 */
const OPT_OUT_CODES = new Set([21610]);
const PERMANENT_CODES = new Set([
  21211, // invalid To
  21212, // invalid From
  21408, // region not enabled
  21601, // not a mobile number
  21602, // body required
  21604, // To required
  21606, // From cannot send SMS
  21612, // unroutable
  21614, // To cannot receive SMS
  21617, // body too long
  21635, // landline
]);

export function classifyTwilioError(err: unknown): ProviderRejectedError | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { code?: unknown; status?: unknown; message?: unknown };
  const code = typeof e.code === 'number' ? e.code : Number(e.code);
  const message = typeof e.message === 'string' ? e.message : 'Twilio rejected the message';
  if (OPT_OUT_CODES.has(code)) return new ProviderRejectedError(message, String(code), true);
  if (PERMANENT_CODES.has(code)) return new ProviderRejectedError(message, String(code));
  return null;
}

/** Twilio message statuses, folded to what the outbox records. */
export function deliveryStatusOf(twilioStatus: string): 'pending' | 'sent' | 'delivered' | 'failed' {
  switch (twilioStatus) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
    case 'sending':
      return 'pending';
    case 'sent':
      return 'sent';
    case 'delivered':
    case 'read':
      return 'delivered';
    case 'failed':
    case 'undelivered':
    case 'canceled':
      return 'failed';
    default:
      return 'pending';
  }
}
