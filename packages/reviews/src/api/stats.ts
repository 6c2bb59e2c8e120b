import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from '../context.js';
import { ShopifyConnectionView } from '../schemas/shopify.js';
import { StoreStatsView } from '../schemas/stats.js';
import { shopifyConnectionView } from '../shopify/connection.js';
import { storeStats } from '../stats/daily.js';
import { requireStore } from '../stores/stores.js';
import { STORE_SECURITY, type ApiAuth } from './auth.js';
import { errors, StoreParams } from './schemas.js';

/** The home page's charts and the Shopify connection panel. */
export function registerStatsRoutes(app: HttpApp, ctx: ReviewsContext, auth: ApiAuth): void {
  app.get(
    '/api/stores/:store_id/stats',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['stats'],
        summary: 'Reviews per day by sentiment and Postscript calls per day by state, per calendar day of the store’s time zone',
        params: StoreParams,
        querystring: Type.Object(
          { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 30, description: 'Days ending today' })) },
          { additionalProperties: false },
        ),
        response: { 200: StoreStatsView, ...errors(401, 400, 404) },
      },
    },
    async (req) => storeStats(ctx.db, ctx.clock.now(), req.params.store_id, req.query.days ?? 30),
  );

  app.get(
    '/api/stores/:store_id/shopify',
    {
      onRequest: auth.store.onRequest,
      schema: {
        security: STORE_SECURITY,
        tags: ['webhooks'],
        summary: 'The Shopify connection: the webhook URL to paste into Shopify and the topics to subscribe',
        params: StoreParams,
        response: { 200: ShopifyConnectionView, ...errors(401, 404) },
      },
    },
    async (req) => shopifyConnectionView(await requireStore(ctx.db, req.params.store_id), ctx.publicUrl),
  );
}
