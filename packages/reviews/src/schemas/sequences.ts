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

/**
 * The SMS side's delays on the Okendo Review Request trigger, read through the connected SMS platform
 * (only Rapport's has an automations API), for the seed's double-wait caution in the sequence editor.
 */
export const SmsDelaysView = Type.Object({
  readable: Type.Boolean({ description: 'Whether the SMS platform could tell; false for real Postscript or when not connected' }),
  reason: Type.Union(
    [
      Type.Literal('not_connected'),
      Type.Literal('no_automation_api'),
      Type.Literal('unreachable'),
      Type.Literal('key_unavailable'),
      Type.Null(),
    ],
    { description: 'Why not readable' },
  ),
  automations: Type.Array(
    Type.Object({
      name: Type.String(),
      enabled: Type.Boolean(),
      first_delay_minutes: Type.Integer({ description: 'Delay before the first message, after the trigger fires' }),
    }),
    { description: 'Legacy automations on "Okendo Review Request"' },
  ),
});
export type SmsDelaysView = Static<typeof SmsDelaysView>;
