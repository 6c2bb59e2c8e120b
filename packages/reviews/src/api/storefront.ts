/**
 * Shopper-facing pages (server-rendered HTML, no build step): the review form at the review URL and the
 * product image behind "Image Url". Registered in an encapsulated plugin so form-encoded bodies are
 * parsed only here. POST /r/{token} also accepts JSON and then answers JSON.
 */
import formbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Conflict, LIMITS, NotFound, type HttpApp } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from '../context.js';
import { requireOrder } from '../orders/orders.js';
import { productPlaceholderSvg } from '../products/image.js';
import { findProduct } from '../products/products.js';
import { requestProducts } from '../review-requests/requests.js';
import {
  renderAlreadyReviewed,
  renderBadRequest,
  renderInactive,
  renderNotFound,
  renderReviewForm,
  renderThankYou,
} from '../reviews/form-page.js';
import { findRequestByToken, requestGone, submitReview } from '../reviews/submit.js';
import { parseReviewSubmission } from '../reviews/submission.js';
import { requireStore } from '../stores/stores.js';

const HTML = 'text/html; charset=utf-8';
const TokenParams = Type.Object({ token: Type.String({ maxLength: 64 }) });

function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const key of ['rating', 'title', 'body', 'recommend', 'name']) {
    const v = (body as Record<string, unknown>)[key];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
  }
  return out;
}

export async function registerStorefrontRoutes(app: HttpApp, ctx: ReviewsContext): Promise<void> {
  await app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(formbody, { bodyLimit: 64 * 1024 });

    scope.get(
      '/r/:token',
      {
        schema: {
          hide: true,
          params: TokenParams,
          querystring: Type.Object({ product: Type.Optional(Type.String({ maxLength: LIMITS.id })) }),
        },
      },
      async (req, reply) => {
        const request = await findRequestByToken(ctx.db, req.params.token);
        if (!request) return reply.code(404).type(HTML).send(renderNotFound());
        const store = await requireStore(ctx.db, request.store_id);
        if (request.state === 'cancelled') return reply.code(410).type(HTML).send(renderInactive(store.name));
        let products = await requestProducts(ctx.db, request.id);
        if (req.query.product) {
          products = products.filter((p) => p.shopify_product_id === req.query.product);
          if (products.length === 0) return reply.code(404).type(HTML).send(renderNotFound());
        }
        const order = await requireOrder(ctx.db, request.order_id);
        return reply.type(HTML).send(renderReviewForm({ storeName: store.name, orderName: order.name, token: request.token, products }));
      },
    );

    scope.post('/r/:token', { schema: { hide: true, params: TokenParams } }, async (req, reply) => {
      const json = (req.headers['content-type'] ?? '').includes('application/json');
      const request = await findRequestByToken(ctx.db, req.params.token);
      if (!request) {
        if (json) throw new NotFound('no review request for this link', ['path', 'token']);
        return reply.code(404).type(HTML).send(renderNotFound());
      }
      const store = await requireStore(ctx.db, request.store_id);
      if (request.state === 'cancelled') {
        if (json) throw requestGone();
        return reply.code(410).type(HTML).send(renderInactive(store.name));
      }
      const products = await requestProducts(ctx.db, request.id);
      const parsed = parseReviewSubmission(
        req.body,
        products.map((p) => p.shopify_product_id),
      );
      if (!parsed.ok) {
        if (json) {
          return reply.code(400).send({
            errors: parsed.errors.map((e) => ({
              loc: e.field === 'body_format' ? ['body'] : ['body', e.field],
              msg: e.message,
              type: 'value_error',
            })),
          });
        }
        const productError = parsed.errors.some((e) => e.field === 'product_id' || e.field === 'body_format');
        if (productError) return reply.code(400).type(HTML).send(renderBadRequest(parsed.errors));
        const order = await requireOrder(ctx.db, request.order_id);
        const productId = String((req.body as Record<string, unknown>)['product_id'] ?? products[0]?.shopify_product_id ?? '');
        return reply
          .code(400)
          .type(HTML)
          .send(
            renderReviewForm({
              storeName: store.name,
              orderName: order.name,
              token: request.token,
              products,
              failed: { productId, errors: parsed.errors, values: formValues(req.body) },
            }),
          );
      }

      const outcome = await submitReview(ctx, request.token, parsed.value);
      if (outcome.status === 'already_reviewed') {
        if (json)
          throw new Conflict(
            `product ${outcome.product.shopify_product_id} was already reviewed from this link`,
            ['body', 'product_id'],
            'already_reviewed',
          );
        return reply.type(HTML).send(renderAlreadyReviewed({ storeName: store.name, productTitle: outcome.product.product_title }));
      }
      const { review, remaining } = outcome;
      if (json) {
        return reply.code(201).send({
          status: 'created',
          review_id: review.id,
          product_id: review.shopify_product_id,
          rating: review.rating,
          sentiment: review.sentiment,
          reviewer_display_name: review.reviewer_display_name,
          remaining_product_ids: remaining.map((p) => p.shopify_product_id),
        });
      }
      return reply
        .type(HTML)
        .send(renderThankYou({ storeName: store.name, productTitle: review.product_title, token: request.token, remaining }));
    });

    scope.get(
      '/storefront/:store_id/products/:product_id/image',
      {
        schema: {
          hide: true,
          params: Type.Object({ store_id: Type.String({ maxLength: LIMITS.id }), product_id: Type.String({ maxLength: LIMITS.id }) }),
        },
      },
      async (req, reply) => {
        const product = await findProduct(ctx.db, req.params.store_id, req.params.product_id);
        if (product?.image_url) return reply.redirect(product.image_url, 302);
        return reply
          .type('image/svg+xml; charset=utf-8')
          .header('cache-control', 'public, max-age=3600')
          .send(productPlaceholderSvg(product?.title ?? 'Product'));
      },
    );
  });
}
