import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { SmsProvider } from './provider.js';
import { classifyTwilioError } from './twilio-errors.js';

/**
 * Twilio through the official SDK. Twilio has no idempotency key on message create, so a send whose outcome
 * is unknown is reconciled by `lookup`: by SID when we recorded one, else by listing the recipient's recent
 * messages and matching the exact body sent after the dispatch began.
 */
export interface TwilioProviderOptions {
  accountSid: string;
  authToken: string;
  from?: string | undefined;
  messagingServiceSid?: string | undefined;
  /** Our status webhook; `outbox_id` is appended so callbacks can be matched even before the SID is stored. */
  statusCallbackUrl?: string | undefined;
  /** Where the REST API lives (default https://api.twilio.com); tests point it at a local fake server. */
  apiBaseUrl?: string | undefined;
  /** What we sent for an outbox row, for reconciling a send whose SID was never recorded. */
  findOutbox(outboxId: string): Promise<{ to: string; body: string; since: Date } | null>;
}

/** The SDK's HTTP client with the API origin swapped, so every SDK call can go to a stand-in server. */
class RebasedRequestClient extends twilio.RequestClient {
  readonly #base: string;
  constructor(base: string) {
    super();
    this.#base = base.replace(/\/$/, '');
  }
  override request<T>(opts: RequestClient.RequestOptions<T>) {
    return super.request({ ...opts, uri: opts.uri.replace(/^https:\/\/[^/]+/, this.#base) });
  }
}

/** How far before the recorded dispatch start a matching message may have been created (clock skew). */
const LOOKUP_SKEW_MS = 5 * 60_000;

export function createTwilioProvider(opts: TwilioProviderOptions): SmsProvider {
  if (!opts.from && !opts.messagingServiceSid) throw new Error('Twilio needs TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID');
  const client = twilio(opts.accountSid, opts.authToken, {
    ...(opts.apiBaseUrl ? { httpClient: new RebasedRequestClient(opts.apiBaseUrl) } : {}),
  });

  return {
    name: 'twilio',
    async send(msg) {
      const sender = opts.messagingServiceSid ? { messagingServiceSid: opts.messagingServiceSid } : { from: msg.from ?? opts.from ?? '' };
      try {
        const created = await client.messages.create({
          to: msg.to,
          body: msg.body,
          ...(msg.mediaUrl ? { mediaUrl: [msg.mediaUrl] } : {}),
          ...sender,
          ...(opts.statusCallbackUrl ? { statusCallback: withOutboxId(opts.statusCallbackUrl, msg.outboxId) } : {}),
        });
        return { providerMessageId: created.sid };
      } catch (err) {
        throw classifyTwilioError(err) ?? err;
      }
    },
    async lookup(outboxId, providerMessageId) {
      if (providerMessageId) {
        try {
          const m = await client.messages(providerMessageId).fetch();
          return { providerMessageId: m.sid, status: m.status };
        } catch (err) {
          if ((err as { status?: number }).status === 404) return null;
          throw err;
        }
      }
      const sent = await opts.findOutbox(outboxId);
      if (!sent) return null;
      const recent = await client.messages.list({ to: sent.to, limit: 50 });
      const earliest = sent.since.getTime() - LOOKUP_SKEW_MS;
      const match = recent.find((m) => m.body === sent.body && m.dateCreated instanceof Date && m.dateCreated.getTime() >= earliest);
      return match ? { providerMessageId: match.sid, status: match.status } : null;
    },
  };
}

export function withOutboxId(url: string, outboxId: string): string {
  const u = new URL(url);
  u.searchParams.set('outbox_id', outboxId);
  return u.toString();
}
