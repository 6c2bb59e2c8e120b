import Type, { type Static } from 'typebox';

/** A shop as the dashboard shows it (the session's shop list, onboarding's answer). */
export const DashboardShop = Type.Object({
  id: Type.String(),
  name: Type.String(),
  time_zone: Type.String({ description: 'IANA zone: quiet hours fall back to it when a subscriber’s own is unknown' }),
  currency: Type.String({ description: 'ISO 4217' }),
});
export type DashboardShop = Static<typeof DashboardShop>;

export const CreateShopBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    time_zone: Type.String({ minLength: 1, maxLength: 64 }),
    currency: Type.String({ minLength: 3, maxLength: 3 }),
  },
  { additionalProperties: false },
);
export type CreateShopBody = Static<typeof CreateShopBody>;

export const InvitationBody = Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }) }, { additionalProperties: false });

/** Settings: what the shop sends with and under which rules; time zone and currency are editable. */
export const ShopSettingsView = Type.Object({
  shop: DashboardShop,
  sending: Type.Object({
    provider: Type.Union([Type.Literal('dev'), Type.Literal('twilio')], { description: 'Install-wide, from SMS_PROVIDER' }),
    from_number: Type.Union([Type.String(), Type.Null()], { description: 'The number texts come from, when one is configured' }),
    messaging_service: Type.Union([Type.String(), Type.Null()], {
      description: 'A Twilio Messaging Service SID, when one is used instead of a number',
    }),
    scope: Type.Literal('install', { description: 'Every shop of this install sends with it (per-shop numbers come later)' }),
  }),
  help_text: Type.String({ description: 'What a subscriber who texts HELP or INFO gets back' }),
  quiet_hours: Type.Object({
    applies_to: Type.String(),
    rules: Type.Array(Type.Object({ region: Type.String(), window: Type.String() })),
  }),
});
export type ShopSettingsView = Static<typeof ShopSettingsView>;

export const UpdateShopSettingsBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    time_zone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    currency: Type.Optional(Type.String({ minLength: 3, maxLength: 3 })),
  },
  { additionalProperties: false },
);
export type UpdateShopSettingsBody = Static<typeof UpdateShopSettingsBody>;
