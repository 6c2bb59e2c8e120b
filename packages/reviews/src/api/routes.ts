import { registerDevClockRoutes, type DevClock, type HttpApp } from '@rapport/kit';
import type { ReviewsContext } from '../context.js';
import { apiAuth } from './auth.js';
import { registerCustomerRoutes } from './customers.js';
import { registerDashboardRoutes } from './dashboard.js';
import { registerHealthRoutes } from './health.js';
import { registerOrderRoutes } from './orders.js';
import { registerPostscriptRoutes } from './postscript.js';
import { registerProductRoutes } from './products.js';
import { registerReviewRequestRoutes } from './review-requests.js';
import { registerReviewRoutes } from './reviews.js';
import { registerSequenceRoutes } from './sequences.js';
import { registerStatsRoutes } from './stats.js';
import { registerStorefrontRoutes } from './storefront.js';
import { registerStoreRoutes } from './stores.js';
import { registerWebhookRoutes } from './webhooks.js';

/** Every HTTP route of the reviews platform. /dev routes only in development. */
export async function registerRoutes(
  app: HttpApp,
  ctx: ReviewsContext,
  options: { dev: boolean; devClock: DevClock | undefined },
): Promise<void> {
  const auth = apiAuth(ctx);
  registerHealthRoutes(app, ctx);
  registerDashboardRoutes(app, ctx, auth);
  registerStoreRoutes(app, ctx, auth);
  registerPostscriptRoutes(app, ctx, auth);
  registerSequenceRoutes(app, ctx, auth);
  registerReviewRequestRoutes(app, ctx, auth);
  registerReviewRoutes(app, ctx, auth);
  registerProductRoutes(app, ctx, auth);
  registerOrderRoutes(app, ctx, auth);
  registerCustomerRoutes(app, ctx, auth);
  registerStatsRoutes(app, ctx, auth);
  await registerWebhookRoutes(app, ctx);
  await registerStorefrontRoutes(app, ctx);
  if (options.dev && options.devClock) registerDevClockRoutes(app, options.devClock);
}
