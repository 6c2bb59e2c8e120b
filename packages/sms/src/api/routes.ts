import { registerDevClockRoutes, type DevClock, type HttpApp } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import { registerDevCarrierRoutes } from '../dev/carrier-routes.js';
import { dashboardSession, dashboardShopAuth, shopAuth } from './auth.js';
import { registerAutomationRoutes } from './automations.js';
import { registerDashboardRoutes } from './dashboard.js';
import { registerEventRoutes } from './events.js';
import { registerFlowRoutes } from './flows.js';
import { registerKeyRoutes } from './keys.js';
import { registerLinkRoutes } from './links.js';
import { registerMeRoutes } from './me.js';
import { registerMessageRoutes } from './messages.js';
import { registerShopScreenRoutes } from './shop-screens.js';
import { registerSubscriberRoutes } from './subscribers.js';
import { registerTriggerRoutes } from './triggers.js';
import { registerTwilioWebhooks } from './twilio-webhooks.js';

/** Every HTTP route of the SMS platform. /dev routes only in development. */
export async function registerRoutes(app: HttpApp, ctx: SmsContext, devClock: DevClock | undefined): Promise<void> {
  const session = dashboardSession(ctx);
  const auth = shopAuth(ctx, session);
  registerDashboardRoutes(app, ctx, session, auth);
  registerKeyRoutes(app, ctx, dashboardShopAuth(ctx, session));
  registerMeRoutes(app, auth);
  registerSubscriberRoutes(app, ctx, auth);
  const events = registerEventRoutes(app, ctx, auth);
  registerTriggerRoutes(app, ctx, auth);
  registerAutomationRoutes(app, ctx, auth);
  registerFlowRoutes(app, ctx, auth);
  registerMessageRoutes(app, ctx, auth);
  registerShopScreenRoutes(app, ctx, auth);
  registerLinkRoutes(app, ctx, events);
  await registerTwilioWebhooks(app, ctx);
  if (ctx.config.dev || ctx.provider.name === 'dev') registerDevCarrierRoutes(app, ctx);
  if (ctx.config.dev && devClock) registerDevClockRoutes(app, devClock);
}
