/** Stores: one per Shopify shop, with its webhook secret and merchant API key. */

export interface StoresTable {
  id: string;
  name: string;
  /** Lower-cased Shopify shop domain (`acme.myshopify.com`); unique: webhooks find their store by it. */
  shop_domain: string;
  /** Key of the HMAC Shopify signs webhooks with. */
  webhook_secret: string;
  /** SHA-256 (hex) of the store's merchant API key (`rk_…`), shown once at creation; null for stores created before 0003. */
  api_key_hash: string | null;
  /** IANA zone the dashboard shows times in. */
  time_zone: string;
  /** ISO 4217. */
  currency: string;
  created_at: string;
  updated_at: string;
}
