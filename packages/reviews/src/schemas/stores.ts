import Type, { type Static } from 'typebox';

export const StoreView = Type.Object({
  store_id: Type.String(),
  name: Type.String(),
  shop_domain: Type.String(),
  webhook_secret: Type.String({ description: 'Key Shopify signs this store’s webhooks with (X-Shopify-Hmac-Sha256).' }),
  webhook_url: Type.String({ description: 'Where to point the store’s Shopify webhooks.' }),
  created_at: Type.String({ format: 'date-time' }),
});
export type StoreView = Static<typeof StoreView>;

export const CreatedStoreView = Type.Object({
  ...StoreView.properties,
  api_key: Type.String({ description: 'The store’s API key (rk_…) for `Authorization: Bearer`; shown only this once.' }),
});
export type CreatedStoreView = Static<typeof CreatedStoreView>;

export const CreateStoreBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    shop_domain: Type.String({ minLength: 1, maxLength: 255, description: 'The permanent *.myshopify.com domain' }),
  },
  { additionalProperties: false },
);
export type CreateStoreBody = Static<typeof CreateStoreBody>;

/** A store as the dashboard shows it (the session's store list, onboarding's answer). */
export const DashboardStore = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shop_domain: Type.String(),
  time_zone: Type.String({ description: 'IANA zone' }),
  currency: Type.String({ description: 'ISO 4217' }),
});
export type DashboardStore = Static<typeof DashboardStore>;

export const ConnectStoreBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    shop_domain: Type.String({ minLength: 1, maxLength: 255, description: 'The permanent *.myshopify.com domain' }),
    time_zone: Type.String({ minLength: 1, maxLength: 64 }),
    currency: Type.String({ minLength: 3, maxLength: 3 }),
  },
  { additionalProperties: false },
);
export type ConnectStoreBody = Static<typeof ConnectStoreBody>;

export const StoreInvitationBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), store_id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
