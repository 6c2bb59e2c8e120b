import { registerDevClockRoutes, type DevClock, type HttpApp } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import { registerDevCarrierRoutes } from '../dev/carrier-routes.js';
import { apiKeyAuth } from './auth.js';
import { registerAutomationRoutes } from './automations.js';
import { registerEventRoutes } from './events.js';
import { registerMeRoutes } from './me.js';
import { registerMessageRoutes } from './messages.js';
import { registerSubscriberRoutes } from './subscribers.js';
import { registerTriggerRoutes } from './triggers.js';
import { registerTwilioWebhooks } from './twilio-webhooks.js';

/** Every HTTP route of the SMS platform. /dev routes only in development. */
export async function registerRoutes(app: HttpApp, ctx: SmsContext, devClock: DevClock | undefined): Promise<void> {
  const auth = apiKeyAuth(ctx);
  registerMeRoutes(app, auth);
  registerSubscriberRoutes(app, ctx, auth);
  registerEventRoutes(app, ctx, auth);
  registerTriggerRoutes(app, ctx, auth);
  registerAutomationRoutes(app, ctx, auth);
  registerMessageRoutes(app, ctx, auth);
  await registerTwilioWebhooks(app, ctx);
  if (ctx.config.dev || ctx.provider.name === 'dev') registerDevCarrierRoutes(app, ctx);
  if (ctx.config.dev && devClock) registerDevClockRoutes(app, devClock);
}
