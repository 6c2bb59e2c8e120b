/** @rapport/reviews: the reviews platform (Okendo clone) and its Postscript connector. */
export type { ReviewsSchema } from './db/schema.js';
export { openReviewsDatabase, type ReviewsDatabase } from './db/open.js';
export { reviewsMigrations } from './db/migrations/index.js';
export { createReviewsService, type ReviewsService, type ReviewsServiceOptions } from './service.js';
export { createStore, connectPostscript, createSequence, PostscriptConnectError, REJECTED_KEY_MESSAGE } from './admin.js';
export {
  shopifyTestKit,
  signShopifyWebhook,
  orderPayload,
  fulfillmentPayload,
  refundPayload,
  customerPayload,
  lineItemPayload,
  webhookRequest,
} from './shopify/test-kit.js';
export type { OrderInput, FulfillmentInput, RefundInput, CustomerInput, LineItemInput, WebhookRequestInput } from './shopify/test-kit.js';
export { DELIVERY_FALLBACK_DAYS } from './sequences/due-time.js';
