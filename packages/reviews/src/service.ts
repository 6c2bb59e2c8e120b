import { catalogJsonSchema } from '@rapport/contract';
/**
 * The reviews platform as a running service: the Fastify app (admin API, Shopify webhooks, storefront
 * pages, /docs) and the durable-job worker (review requests coming due, Postscript deliveries). The
 * caller starts the worker (`worker.start()`) or drives it (`worker.runDue()` in tests).
 */
import {
  createHttpApp,
  registerDevClockRoutes,
  Worker,
  type Clock,
  type DevClock,
  type HttpApp,
  type Logger,
  type RapportConfig,
} from '@rapport/kit';
import { SECURITY_SCHEMES } from './api/auth.js';
import { registerHealthRoutes } from './api/health.js';
import { registerPostscriptRoutes } from './api/postscript.js';
import { registerProductRoutes } from './api/products.js';
import { registerReviewRequestRoutes } from './api/review-requests.js';
import { registerReviewRoutes } from './api/reviews.js';
import { registerSequenceRoutes } from './api/sequences.js';
import { registerStoreRoutes } from './api/stores.js';
import { registerStorefrontRoutes } from './api/storefront.js';
import { registerWebhookRoutes } from './api/webhooks.js';
import type { ReviewsContext } from './context.js';
import type { ReviewsDatabase } from './db/open.js';
import { reviewsJobHandlers } from './jobs.js';

export interface ReviewsService {
  app: HttpApp;
  worker: Worker;
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
}

export async function createReviewsService(opts: ReviewsServiceOptions): Promise<ReviewsService> {
  const ctx: ReviewsContext = {
    db: opts.database.db,
    clock: opts.clock,
    log: opts.log,
    publicUrl: opts.config.reviewsPublicUrl,
    smsApiUrl: opts.config.smsApiUrl,
    fetch: opts.fetch ?? fetch,
    secretKey: opts.config.secretKey,
    adminToken: opts.config.adminToken,
    // The worker is built from this context; by the time anything calls wake() it exists.
    wake: () => worker.wake(),
  };
  const worker = new Worker({ database: opts.database, clock: opts.clock, log: opts.log, handlers: reviewsJobHandlers(ctx) });

  const app = await createHttpApp({
    title: 'Rapport Reviews',
    description:
      'Reviews platform (Okendo-compatible): stores, Shopify webhooks, review-request sequences, reviews, and the Postscript integration. ' +
      'Shopper pages (/r/{token}) are HTML and not listed here.',
    publishedSchema: {
      path: '/api/catalog',
      summary: 'The Okendo integration catalog: 22 profile properties, 19 event types (JSON Schema)',
      document: catalogJsonSchema(),
    },
    securitySchemes: SECURITY_SCHEMES,
    logger: opts.log,
  });
  registerHealthRoutes(app, ctx);
  registerStoreRoutes(app, ctx);
  registerPostscriptRoutes(app, ctx);
  registerSequenceRoutes(app, ctx);
  registerReviewRequestRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
  registerProductRoutes(app, ctx);
  await registerWebhookRoutes(app, ctx);
  await registerStorefrontRoutes(app, ctx);
  if (opts.config.dev && opts.devClock) registerDevClockRoutes(app, opts.devClock);

  return {
    app,
    worker,
    async close() {
      await worker.stop();
      await app.close();
    },
  };
}
