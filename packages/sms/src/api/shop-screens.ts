import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { SmsContext } from '../context.js';
import { ShopSettingsView, UpdateShopSettingsBody } from '../schemas/shops.js';
import { ShopStatsView } from '../schemas/stats.js';
import { shopSettingsView, updateShopSettings } from '../shops/settings.js';
import { requireShop } from '../shops/shops.js';
import { shopStats } from '../stats/daily.js';
import { SECURITY, type ApiKeyAuth } from './auth.js';
import { errors } from './schemas.js';

/** The dashboard's Settings page and home charts (a key or the session with X-Rapport-Shop). */
export function registerShopScreenRoutes(app: HttpApp, ctx: SmsContext, auth: ApiKeyAuth): void {
  const tags = ['dashboard: shop'];

  app.get(
    '/api/dashboard/settings',
    {
      onRequest: auth.onRequest,
      schema: {
        tags,
        summary: 'Settings: the sending provider and number, the HELP reply, time zone, currency and the quiet hours that apply',
        security: SECURITY,
        response: { 200: ShopSettingsView, ...errors(401, 403) },
      },
    },
    async (request) => shopSettingsView(ctx, await requireShop(ctx.db, auth.principal(request).shopId)),
  );

  app.patch(
    '/api/dashboard/settings',
    {
      onRequest: auth.onRequest,
      schema: {
        tags,
        summary: 'Change the shop’s name, time zone or currency',
        security: SECURITY,
        body: UpdateShopSettingsBody,
        response: { 200: ShopSettingsView, ...errors(400, 401, 403) },
      },
    },
    async (request) =>
      shopSettingsView(ctx, await updateShopSettings(ctx.db, ctx.clock.now(), auth.principal(request).shopId, request.body)),
  );

  app.get(
    '/api/dashboard/stats',
    {
      onRequest: auth.onRequest,
      schema: {
        tags,
        summary: 'Texts per day (sent, delivered, failed) and events per day by type, per calendar day of the shop’s time zone',
        security: SECURITY,
        querystring: Type.Object(
          { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 30, description: 'Days ending today' })) },
          { additionalProperties: false },
        ),
        response: { 200: ShopStatsView, ...errors(400, 401, 403) },
      },
    },
    async (request) => shopStats(ctx.db, ctx.clock.now(), auth.principal(request).shopId, request.query.days ?? 30),
  );
}
