import { publishedCatalog } from '@rapport/contract';
import {
  createHttpApp,
  registerDashboard,
  Worker,
  WORKER_CONNECTIONS,
  type Clock,
  type DevClock,
  type HttpApp,
  type Logger,
  type RapportConfig,
} from '@rapport/kit';
import { SECURITY_SCHEMES } from './api/auth.js';
import { ERROR_FAMILIES, toHttpError } from './api/errors.js';
import { registerRoutes } from './api/routes.js';
import { DEV_SENDER_NUMBER, type SmsContext } from './context.js';
import type { SmsDatabase } from './db/schema.js';
import { SMS_JOBS } from './jobs.js';
import { sentTextOf } from './messages/list.js';
import { createDevCarrier } from './providers/dev-carrier.js';
import type { SmsProvider } from './providers/provider.js';
import { createTwilioProvider } from './providers/twilio.js';

export interface SmsService {
  app: HttpApp;
  worker: Worker<SmsContext>;
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
  /** The built SMS dashboard to serve at `/` (`@rapport/sms-dashboard/dist-dir`); API-only without it. */
  dashboardDir?: string;
}

/** Paths that are never a dashboard page: the APIs, their docs, webhooks, the dev tools, the dashboard's files. */
export const SMS_RESERVED_PATHS = ['/api', '/v1', '/docs', '/dev', '/webhooks', '/healthz', '/assets'] as const;

/** The provider config asks for: the dev carrier (default) or Twilio. */
export function providerFromConfig(database: SmsDatabase, clock: Clock, config: RapportConfig): SmsProvider {
  if (config.smsProvider === 'dev') return createDevCarrier(database, clock, DEV_SENDER_NUMBER);
  const { accountSid, authToken, from, messagingServiceSid, statusCallbackUrl } = config.twilio;
  if (!accountSid || !authToken) throw new Error('SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN');
  return createTwilioProvider({
    accountSid,
    authToken,
    from,
    messagingServiceSid,
    statusCallbackUrl,
    findOutbox: (outboxId) => sentTextOf(database.db, outboxId),
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

  // The worker on connections of its own (PostgreSQL): sharing the API's pool, each statement of a round
  // queued behind request transactions — at 200 trigger fires/s a text took ~280 ms to leave (bench `fire`).
  const workerDatabase = await opts.database.withOwnConnections(WORKER_CONNECTIONS);
  const workerCtx: SmsContext = {
    ...ctx,
    database: workerDatabase,
    db: workerDatabase.db,
    provider: opts.provider ?? providerFromConfig(workerDatabase, opts.clock, opts.config),
  };
  const worker = new Worker({ database: workerDatabase, clock: opts.clock, log: opts.log, context: workerCtx, jobs: SMS_JOBS });
  wakeWorker = () => worker.wake();

  const app = await createHttpApp({
    title: 'Rapport SMS platform',
    description:
      'A Postscript-compatible SMS marketing platform: Partner API v2 (/api/v2), v1 partner triggers (/v1/triggers), and extensions under /api (automations, messages, event definitions). Authenticate with the shop private key: Authorization: Bearer sk_…',
    publishedSchema: publishedCatalog(),
    logger: opts.log,
    securitySchemes: SECURITY_SCHEMES,
    service: 'sms',
    errorFamilies: ERROR_FAMILIES,
    mapError: toHttpError,
  });
  await registerRoutes(app, ctx, opts.devClock);
  if (opts.dashboardDir) await registerDashboard(app, { distDir: opts.dashboardDir, reservedPrefixes: SMS_RESERVED_PATHS });

  return {
    app,
    worker,
    async close() {
      await worker.stop();
      await app.close();
      await workerDatabase.close();
    },
  };
}
