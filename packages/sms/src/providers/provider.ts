/**
 * A carrier connection. `send` must be safe to call again for the same outboxId only after `lookup` said the
 * first call never arrived; `lookup` is how a worker that crashed mid-send finds out (dev carrier: by outbox
 * id; Twilio: by message SID, or by recipient + body + time when the SID was never recorded).
 */
export interface SmsProvider {
  name: string;
  send(msg: { outboxId: string; to: string; from?: string; body: string }): Promise<{ providerMessageId: string }>;
  lookup(outboxId: string, providerMessageId?: string): Promise<{ providerMessageId: string; status: string } | null>;
}

/**
 * The provider refused the message for good (invalid number, landline, the recipient blocked us at the
 * carrier): retrying cannot help. `optOut` marks a carrier-level opt-out (Twilio 21610), which we honour by
 * unsubscribing the number ourselves.
 */
export class ProviderRejectedError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly optOut = false,
  ) {
    super(message);
    this.name = 'ProviderRejectedError';
  }
}

/** Provider delivery statuses that mean the text will not arrive. */
export const FAILED_DELIVERY_STATUSES = new Set(['failed', 'undelivered', 'canceled']);
