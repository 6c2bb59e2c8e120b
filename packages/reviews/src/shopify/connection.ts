import type { StoresTable } from '../db/schema.js';
import type { ShopifyConnectionView } from '../schemas/shopify.js';
import { webhookUrl } from '../stores/stores.js';
import { TOPIC_NAMES } from './topics.js';

/**
 * What the merchant sets up in Shopify: one webhook URL for every topic of the topic table (shopify/topics.ts),
 * built from the service's public URL (REVIEWS_PUBLIC_URL, else the address it listens on).
 */
export const shopifyConnectionView = (store: StoresTable, publicUrl: string): ShopifyConnectionView => ({
  shop_domain: store.shop_domain,
  webhook_url: webhookUrl(publicUrl),
  format: 'json',
  topics: [...TOPIC_NAMES],
});
