import Type, { type Static } from 'typebox';

export const DailyCountView = Type.Object({
  day: Type.String({ description: 'Calendar day in the shop’s time zone, YYYY-MM-DD' }),
  key: Type.String(),
  count: Type.Integer(),
});

/** The home page's charts, per calendar day of the shop's zone; only the days that have something. */
export const ShopStatsView = Type.Object({
  from: Type.String(),
  to: Type.String(),
  time_zone: Type.String(),
  texts: Type.Array(DailyCountView, {
    description: 'Texts queued per day, key = sent | delivered | failed (delivered and failed count apart from sent)',
  }),
  events: Type.Array(DailyCountView, { description: 'Events received per day, key = event type' }),
});
export type ShopStatsView = Static<typeof ShopStatsView>;
