/**
 * A carrier connection. `send` must be safe to call again for the same outboxId only after `lookup` said the
 * first call never arrived; `lookup` is how a worker that crashed mid-send finds out (dev carrier: by outbox
 * id; Twilio: by message SID, or by recipient + body + time when the SID was never recorded).
 */
export interface OutgoingText {
  outboxId: string;
  to: string;
  from?: string;
  body: string;
  /** An MMS's one image (Twilio `mediaUrl`). */
  mediaUrl?: string;
}

export type SendResult = { ok: true; providerMessageId: string } | { ok: false; error: unknown };

export interface SmsProvider {
  name: string;
  send(msg: OutgoingText): Promise<{ providerMessageId: string }>;
  /** Many texts at once, one result each, in order; a provider without it gets `sendAll`'s bounded parallel `send`. */
  sendMany?(msgs: readonly OutgoingText[]): Promise<SendResult[]>;
  lookup(outboxId: string, providerMessageId?: string): Promise<{ providerMessageId: string; status: string } | null>;
}

/** Texts in flight at once to a provider that sends one at a time (an HTTP API such as Twilio's). */
export const SEND_CONCURRENCY = 16;

/** Sends every text through the provider's `sendMany`, or `send` with bounded concurrency; never throws. */
export async function sendAll(provider: SmsProvider, msgs: readonly OutgoingText[]): Promise<SendResult[]> {
  if (msgs.length === 0) return [];
  if (provider.sendMany) {
    try {
      return await provider.sendMany(msgs);
    } catch (error) {
      return msgs.map(() => ({ ok: false, error }));
    }
  }
  const results: SendResult[] = new Array(msgs.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < msgs.length; i = next++) {
      try {
        results[i] = { ok: true, providerMessageId: (await provider.send(msgs[i] as OutgoingText)).providerMessageId };
      } catch (error) {
        results[i] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, msgs.length) }, lane));
  return results;
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
