import { SubscriberSchema } from '@rapport/contract';
import Type, { type Static } from 'typebox';
import { Nullable } from './common.js';

/** Postscript's subscriber plus our extensions (status, names, origin, consent timestamps). */
export const SubscriberView = Type.Object({
  ...SubscriberSchema.properties,
  properties: Type.Record(Type.String(), Type.Unknown()),
  status: Type.Union([Type.Literal('pending'), Type.Literal('subscribed'), Type.Literal('unsubscribed')], {
    description: 'Extension. pending = waiting for the Y reply (double opt-in).',
  }),
  first_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
  origin: Nullable(Type.String()),
  confirmed_at: Nullable(Type.String({ description: 'First opt-in confirmation; only confirmed subscribers are listed.' })),
  opted_out_at: Nullable(Type.String()),
});
export type SubscriberView = Static<typeof SubscriberView>;

export const SubscriberListView = Type.Object({
  page_info: Type.Object({ page: Type.Integer(), total_pages: Type.Integer() }),
  subscribers: Type.Array(SubscriberView),
});
export type SubscriberListView = Static<typeof SubscriberListView>;
