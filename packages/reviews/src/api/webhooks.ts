import type { HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from '../context.js';
import { receiveShopifyWebhook } from '../shopify/receive.js';
import { errors } from './schemas.js';

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * `POST /webhooks/shopify`. Registered in its own encapsulated plugin whose content-type parsers keep the
 * body as the raw bytes: the HMAC is computed over exactly what Shopify sent, before any JSON parsing.
 */
export async function registerWebhookRoutes(app: HttpApp, ctx: ReviewsContext): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.post(
      '/webhooks/shopify',
      {
        schema: {
          tags: ['webhooks'],
          summary: 'Shopify webhooks (orders, fulfillments, refunds, customers)',
          description:
            'Signed with X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of the raw body, keyed with the store’s webhook secret); ' +
            'the store is found by X-Shopify-Shop-Domain, the topic read from X-Shopify-Topic, repeats de-duplicated by X-Shopify-Webhook-Id.',
          response: {
            200: Type.Object({
              status: Type.Union([Type.Literal('processed'), Type.Literal('ignored'), Type.Literal('duplicate')]),
              topic: Type.String(),
              webhook_id: Type.String(),
            }),
            ...errors(400, 401),
          },
        },
      },
      async (req) => {
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        return receiveShopifyWebhook(
          ctx,
          {
            topic: header(req.headers['x-shopify-topic']),
            shopDomain: header(req.headers['x-shopify-shop-domain']),
            hmac: header(req.headers['x-shopify-hmac-sha256']),
            webhookId: header(req.headers['x-shopify-webhook-id']),
          },
          raw,
        );
      },
    );
  });
}
