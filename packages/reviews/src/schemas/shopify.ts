import Type, { type Static } from 'typebox';

/** The Shopify connection panel: where to point the store's webhooks, and for which topics. */
export const ShopifyConnectionView = Type.Object({
  shop_domain: Type.String(),
  webhook_url: Type.String({ description: 'Paste into Shopify → Settings → Notifications → Webhooks' }),
  format: Type.Literal('json'),
  topics: Type.Array(Type.String(), { description: 'Every topic to subscribe, each to the same URL' }),
});
export type ShopifyConnectionView = Static<typeof ShopifyConnectionView>;
