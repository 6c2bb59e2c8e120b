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
