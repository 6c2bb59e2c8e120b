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

/** The dashboard's search: every status, with the total for "N subscribers". */
export const SubscriberSearchView = Type.Object({
  page_info: Type.Object({ page: Type.Integer(), total_pages: Type.Integer(), total: Type.Integer() }),
  subscribers: Type.Array(SubscriberView),
});
export type SubscriberSearchView = Static<typeof SubscriberSearchView>;

/** One piece of consent evidence: an opt-in request, a confirmation, an opt-out — when, how, the exact words. */
export const ConsentEventView = Type.Object({
  id: Type.String(),
  action: Type.Union([Type.Literal('opt_in_requested'), Type.Literal('opted_in'), Type.Literal('opted_out')]),
  source: Type.String({ description: 'api, keyword, import…' }),
  detail: Type.Union([Type.String(), Type.Null()], { description: 'The exact words texted, when a text caused it' }),
  created_at: Type.String(),
});
export type ConsentEventView = Static<typeof ConsentEventView>;
