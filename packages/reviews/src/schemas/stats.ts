import Type, { type Static } from 'typebox';

export const DailyCountView = Type.Object({
  day: Type.String({ description: 'Calendar day in the store’s time zone, YYYY-MM-DD' }),
  key: Type.String(),
  count: Type.Integer(),
});
export type DailyCountView = Static<typeof DailyCountView>;

/** The home page's charts: per calendar day of the store's zone, only the days that have something. */
export const StoreStatsView = Type.Object({
  from: Type.String({ description: 'First day, YYYY-MM-DD (store time zone)' }),
  to: Type.String({ description: 'Last day (today), YYYY-MM-DD' }),
  time_zone: Type.String(),
  reviews: Type.Array(DailyCountView, { description: 'Reviews created per day, key = sentiment label' }),
  sync_calls: Type.Array(DailyCountView, { description: 'Postscript calls per day they were made, key = their state now' }),
});
export type StoreStatsView = Static<typeof StoreStatsView>;
