/** @rapport/reviews: the reviews platform (Okendo clone) and its Postscript connector. */
export type { ReviewsSchema } from './db/schema.js';
export type { ReviewsDatabase } from './db/schema.js';
export { openReviewsDatabase } from './db/open.js';
export { reviewsMigrations } from './db/migrations/index.js';
export { createReviewsService, type ReviewsService, type ReviewsServiceOptions } from './service.js';
export {
  createStore,
  connectPostscript,
  createSequence,
  createUserAccount,
  startProfileBackfill,
  profileBackfillProgress,
  PostscriptConnectError,
  REJECTED_KEY_MESSAGE,
} from './admin.js';
export { DELIVERY_FALLBACK_DAYS } from './sequences/due-time.js';
export { TOPIC_NAMES as SHOPIFY_TOPICS } from './shopify/topics.js';
export { webhookUrl } from './stores/stores.js';
