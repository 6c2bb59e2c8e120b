import Type, { type Static } from 'typebox';
import { Nullable } from './common.js';

/** Longest wait the Wait block accepts: a year covers any product's use-before-review period. */
export const MAX_WAIT_DAYS = 365;

export const SequenceAnchor = Type.Union([Type.Literal('fulfillment'), Type.Literal('delivery')]);

/** "Mail > Sequences > Postscript": a Wait of N days after fulfilment or delivery, started or not. */
export const SequenceView = Type.Object({
  sequence_id: Type.String(),
  store_id: Type.String(),
  name: Type.String(),
  channel: Type.Literal('postscript'),
  wait_days: Type.Integer(),
  after: SequenceAnchor,
  status: Type.Union([Type.Literal('draft'), Type.Literal('running'), Type.Literal('stopped')]),
  started_at: Nullable(Type.String()),
  stopped_at: Nullable(Type.String()),
  created_at: Type.String(),
});
export type SequenceView = Static<typeof SequenceView>;

export const CreateSequenceBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    wait_days: Type.Integer({ minimum: 0, maximum: MAX_WAIT_DAYS }),
    after: SequenceAnchor,
    start: Type.Optional(Type.Boolean({ default: false, description: 'Start right away (the Start button)' })),
  },
  { additionalProperties: false },
);
export type CreateSequenceBody = Static<typeof CreateSequenceBody>;

/** The Wait component's side panel → Save. */
export const UpdateSequenceBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    wait_days: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_WAIT_DAYS })),
    after: Type.Optional(SequenceAnchor),
  },
  { additionalProperties: false },
);
export type UpdateSequenceBody = Static<typeof UpdateSequenceBody>;
