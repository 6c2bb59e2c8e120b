/**
 * The reviews platform as a running service: the Fastify app (admin API, Shopify webhooks, storefront
 * pages, /docs) and the durable-job worker (review requests coming due, Postscript deliveries). The
 * caller starts the worker (`worker.start()`) or drives it (`worker.runDue()` in tests).
 */
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
import { activityLog } from './activity/record.js';
import { SECURITY_SCHEMES } from './api/auth.js';
import { ERROR_FAMILIES, toHttpError } from './api/errors.js';
import { registerRoutes } from './api/routes.js';
import type { ReviewsContext } from './context.js';
import type { ReviewsDatabase } from './db/schema.js';
import { postscriptActivitySink } from './integrations/postscript/activities.js';
import { REVIEWS_JOBS } from './jobs.js';

export interface ReviewsService {
  app: HttpApp;
  worker: Worker<ReviewsContext>;
  close(): Promise<void>;
}

export interface ReviewsServiceOptions {
  database: ReviewsDatabase;
  clock: Clock;
  log: Logger;
  config: RapportConfig;
  devClock?: DevClock;
  /** The fetch used to call Postscript (tests may pass an instrumented one). */
  fetch?: typeof fetch;
  /** The built reviews dashboard to serve at `/` (`@rapport/reviews-dashboard/dist-dir`); API-only without it. */
  dashboardDir?: string;
}

/** Paths that are never a dashboard page: the APIs, their docs, webhooks, the shopper's pages, the dashboard's files. */
export const REVIEWS_RESERVED_PATHS = ['/api', '/docs', '/dev', '/webhooks', '/r/', '/storefront', '/healthz', '/assets'] as const;

export async function createReviewsService(opts: ReviewsServiceOptions): Promise<ReviewsService> {
  let wakeWorker = (): void => {};
  const ctx: ReviewsContext = {
    db: opts.database.db,
    clock: opts.clock,
    log: opts.log,
    // The integrations that hear of every activity; today the Postscript connector.
    activity: activityLog([postscriptActivitySink]),
    publicUrl: opts.config.reviewsPublicUrl,
    smsApiUrl: opts.config.smsApiUrl,
    fetch: opts.fetch ?? fetch,
    secretKey: opts.config.secretKey,
    adminToken: opts.config.adminToken,
    wake: () => wakeWorker(),
  };
  // The worker on connections of its own (PostgreSQL), as in the SMS platform: see WORKER_CONNECTIONS.
  const workerDatabase = await opts.database.withOwnConnections(WORKER_CONNECTIONS);
  const worker = new Worker({
    database: workerDatabase,
    clock: opts.clock,
    log: opts.log,
    context: { ...ctx, db: workerDatabase.db },
    jobs: REVIEWS_JOBS,
  });
  wakeWorker = () => worker.wake();

  const app = await createHttpApp({
    title: 'Rapport Reviews',
    description:
      'Reviews platform (Okendo-compatible): stores, Shopify webhooks, review-request sequences, reviews, and the Postscript integration. ' +
      'Shopper pages (/r/{token}) are HTML and not listed here.',
    publishedSchema: publishedCatalog(),
    securitySchemes: SECURITY_SCHEMES,
    logger: opts.log,
    service: 'reviews',
    errorFamilies: ERROR_FAMILIES,
    mapError: toHttpError,
  });
  await registerRoutes(app, ctx, { dev: opts.config.dev, devClock: opts.devClock });
  if (opts.dashboardDir) await registerDashboard(app, { distDir: opts.dashboardDir, reservedPrefixes: REVIEWS_RESERVED_PATHS });

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
