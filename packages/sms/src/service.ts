import { catalogJsonSchema } from '@rapport/contract';
import {
  createHttpApp,
  Worker,
  type Clock,
  type DevClock,
  type HttpApp,
  type JobHandler,
  type Logger,
  type RapportConfig,
} from '@rapport/kit';
import { registerRoutes } from './api/routes.js';
import { SECURITY_SCHEMES } from './api/auth.js';
import { DEV_SENDER_NUMBER, type SmsContext } from './context.js';
import type { SmsDatabase } from './db/schema.js';
import { PROCESS_EVENT_JOB } from './events/ingest.js';
import { processEvent } from './events/process-job.js';
import { SEND_JOB } from './messages/outbox.js';
import { runSendJob } from './messages/send-job.js';
import { createDevCarrier } from './providers/dev-carrier.js';
import type { SmsProvider } from './providers/provider.js';
import { createTwilioProvider } from './providers/twilio.js';

export interface SmsService {
  app: HttpApp;
  worker: Worker;
  close(): Promise<void>;
}

export interface SmsServiceOptions {
  database: SmsDatabase;
  clock: Clock;
  log: Logger;
  config: RapportConfig;
  devClock?: DevClock;
  /** Overrides the provider chosen by config.smsProvider (tests inject faulty ones). */
  provider?: SmsProvider;
}

/** The provider config asks for: the dev carrier (default) or Twilio. */
export function providerFromConfig(database: SmsDatabase, clock: Clock, config: RapportConfig): SmsProvider {
  if (config.smsProvider === 'dev') return createDevCarrier(database.db, clock, DEV_SENDER_NUMBER);
  const { accountSid, authToken, from, messagingServiceSid, statusCallbackUrl } = config.twilio;
  if (!accountSid || !authToken) throw new Error('SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN');
  return createTwilioProvider({
    accountSid,
    authToken,
    from,
    messagingServiceSid,
    statusCallbackUrl,
    findOutbox: async (outboxId) => {
      const row = await database.db
        .selectFrom('outbox_messages')
        .select(['to_phone', 'body', 'dispatched_at', 'created_at'])
        .where('id', '=', outboxId)
        .executeTakeFirst();
      return row ? { to: row.to_phone, body: row.body, since: new Date(row.dispatched_at ?? row.created_at) } : null;
    },
  });
}

/**
 * Builds the SMS platform: its HTTP app (not yet listening) and its worker (not yet started — call
 * `worker.start()`, or drive `worker.runDue()` in tests). `close` stops both; the database stays open.
 */
export async function createSmsService(opts: SmsServiceOptions): Promise<SmsService> {
  const provider = opts.provider ?? providerFromConfig(opts.database, opts.clock, opts.config);
  let wakeWorker = (): void => {};
  const senderNumber =
    provider.name === 'twilio' ? (opts.config.twilio.messagingServiceSid ? null : (opts.config.twilio.from ?? null)) : DEV_SENDER_NUMBER;
  const ctx: SmsContext = {
    database: opts.database,
    db: opts.database.db,
    clock: opts.clock,
    log: opts.log,
    config: opts.config,
    provider,
    senderNumber,
    wake: () => wakeWorker(),
  };

  const handlers: Record<string, JobHandler> = {
    [SEND_JOB]: (payload: { outboxId: string }, job) => runSendJob(ctx, payload, job),
    [PROCESS_EVENT_JOB]: (payload: { eventId: string }) => processEvent(ctx, payload),
  };
  const worker = new Worker({ database: opts.database, clock: opts.clock, log: opts.log, handlers });
  wakeWorker = () => worker.wake();

  const app = await createHttpApp({
    title: 'Rapport SMS platform',
    description:
      'A Postscript-compatible SMS marketing platform: Partner API v2 (/api/v2), v1 partner triggers (/v1/triggers), and extensions under /api (automations, messages, event definitions). Authenticate with the shop private key: Authorization: Bearer sk_…',
    publishedSchema: {
      path: '/api/catalog',
      summary: 'The Okendo integration catalog: 22 profile properties, 19 event types (JSON Schema)',
      document: catalogJsonSchema(),
    },
    logger: opts.log,
    securitySchemes: SECURITY_SCHEMES,
  });
  await registerRoutes(app, ctx, opts.devClock);

  return {
    app,
    worker,
    async close() {
      await worker.stop();
      await app.close();
    },
  };
}
