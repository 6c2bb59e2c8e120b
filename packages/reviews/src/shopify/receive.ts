/**
 * `POST /webhooks/shopify`, behind the thin route: authenticate, de-duplicate, validate, apply.
 *
 * 1. The shop (`X-Shopify-Shop-Domain`) must be a registered store and `X-Shopify-Hmac-Sha256` must match
 *    the raw body under that store's secret — else 401 and nothing is read or written.
 * 2. `X-Shopify-Webhook-Id` de-duplicates: Shopify redelivers until it gets a 2xx, so a repeat answers 200
 *    with no effect (a unique (store, webhook id) row, written in the same transaction as the effect).
 * 3. Only then is the body parsed (400 if it is not JSON) and checked against the topic's schema (400
 *    naming each missing or malformed field). Unknown topics are recorded and ignored (200).
 * 4. The topic's effect and the re-evaluation of the order's review requests commit together.
 */
import { Invalid, newId, retryTransaction, unauthorized } from '@rapport/kit';
import type { ReviewsContext } from '../context.js';
import { reconcileOrder } from '../sequences/recruit.js';
import { findStoreByDomain } from '../stores/stores.js';
import { TOPICS } from './topics.js';
import { checkPayload } from './validate.js';
import { verifyShopifyHmac } from './verify.js';

export interface WebhookHeaders {
  topic: string | undefined;
  shopDomain: string | undefined;
  hmac: string | undefined;
  webhookId: string | undefined;
}

export interface WebhookOutcome {
  status: 'processed' | 'ignored' | 'duplicate';
  topic: string;
  webhook_id: string;
}

export async function receiveShopifyWebhook(ctx: ReviewsContext, headers: WebhookHeaders, rawBody: Buffer): Promise<WebhookOutcome> {
  if (!headers.shopDomain || !headers.hmac)
    throw unauthorized('missing X-Shopify-Shop-Domain or X-Shopify-Hmac-Sha256 header', ['header', 'x-shopify-hmac-sha256']);
  const store = await findStoreByDomain(ctx.db, headers.shopDomain);
  if (!store || !verifyShopifyHmac(store.webhook_secret, rawBody, headers.hmac)) {
    throw unauthorized('webhook signature does not match (X-Shopify-Hmac-Sha256), or the shop is not registered', [
      'header',
      'x-shopify-hmac-sha256',
    ]);
  }
  const webhookId = headers.webhookId?.trim();
  if (!webhookId) throw new Invalid('X-Shopify-Webhook-Id header is required', ['header', 'x-shopify-webhook-id'], 'missing');
  const topic = headers.topic?.trim();
  if (!topic) throw new Invalid('X-Shopify-Topic header is required', ['header', 'x-shopify-topic'], 'missing');

  const seen = await ctx.db
    .selectFrom('shopify_webhooks')
    .select('id')
    .where('store_id', '=', store.id)
    .where('webhook_id', '=', webhookId)
    .executeTakeFirst();
  if (seen) return { status: 'duplicate', topic, webhook_id: webhookId };

  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString('utf8'));
  } catch (err) {
    throw new Invalid(`body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, ['body'], 'json_invalid');
  }
  const handler = TOPICS[topic];
  const payload = handler ? checkPayload(handler.schema, parsed) : parsed;

  // Concurrent deliveries touching the same new customer or order can collide on a unique key
  // (PostgreSQL); the loser runs again and finds the winner's rows.
  const outcome = await retryTransaction(() =>
    ctx.db.transaction().execute(async (trx): Promise<WebhookOutcome> => {
      const now = ctx.clock.now();
      const inserted = await trx
        .insertInto('shopify_webhooks')
        .values({
          id: newId('wh'),
          store_id: store.id,
          webhook_id: webhookId,
          topic,
          outcome: handler ? 'processed' : 'ignored',
          received_at: now.toISOString(),
        })
        .onConflict((oc) => oc.columns(['store_id', 'webhook_id']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return { status: 'duplicate', topic, webhook_id: webhookId };
      if (!handler) return { status: 'ignored', topic, webhook_id: webhookId };
      const orderId = await handler.apply(trx, now, store.id, payload);
      if (orderId) await reconcileOrder(trx, now, ctx.activity, orderId);
      return { status: 'processed', topic, webhook_id: webhookId };
    }),
  );
  if (outcome.status === 'processed') ctx.wake();
  return outcome;
}
