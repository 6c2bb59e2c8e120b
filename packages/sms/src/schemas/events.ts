import Type, { type Static } from 'typebox';
import { Nullable } from './common.js';

export const EventView = Type.Object({
  id: Type.String(),
  type: Type.String(),
  subscriber_id: Nullable(Type.String()),
  properties: Type.Record(Type.String(), Type.Unknown()),
  occurred_at: Type.String(),
  external_id: Nullable(Type.String()),
  created_at: Type.String(),
});
export type EventView = Static<typeof EventView>;

/** An event type for trigger and tag pickers: the catalog's, plus every type the shop has sent. */
export const EventDefinitionView = Type.Object({
  name: Type.String(),
  source: Type.Union([Type.Literal('catalog'), Type.Literal('observed'), Type.Literal('catalog+observed')]),
  description: Nullable(Type.String()),
  /** Catalog properties (name, tag key, type), then keys only ever observed. */
  properties: Type.Array(Type.Object({ name: Type.String(), key: Nullable(Type.String()), type: Nullable(Type.String()) })),
  event_count: Type.Integer(),
  first_seen_at: Nullable(Type.String()),
  last_seen_at: Nullable(Type.String()),
});
export type EventDefinitionView = Static<typeof EventDefinitionView>;
