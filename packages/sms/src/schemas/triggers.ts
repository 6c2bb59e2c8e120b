import Type, { type Static } from 'typebox';

/** A v1 partner trigger as the API shows it. */
export const TriggerView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  tags: Type.Array(Type.String()),
  transactional_allowed: Type.Boolean(),
  declared_wait: Type.Union(
    [
      Type.Object({
        days: Type.Integer({ minimum: 0 }),
        after: Type.Union([Type.Literal('fulfillment'), Type.Literal('delivery')]),
        declared_at: Type.String({ description: 'Since when fires have declared this wait' }),
      }),
      Type.Null(),
    ],
    {
      description:
        'Extension: the wait the partner declared with its latest fire (tags okendo_sequence_wait_days and okendo_sequence_wait_after): Okendo fires "Okendo Review Request" N days after fulfillment or delivery, so a delay in the automation adds to it',
    },
  ),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type TriggerView = Static<typeof TriggerView>;

export const FireResult = Type.Object({ fired: Type.Boolean(), id: Type.String() });
export type FireResult = Static<typeof FireResult>;
