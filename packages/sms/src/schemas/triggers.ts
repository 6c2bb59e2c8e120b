import Type, { type Static } from 'typebox';

/** A v1 partner trigger as the API shows it. */
export const TriggerView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  tags: Type.Array(Type.String()),
  transactional_allowed: Type.Boolean(),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export type TriggerView = Static<typeof TriggerView>;

export const FireResult = Type.Object({ fired: Type.Boolean(), id: Type.String() });
export type FireResult = Static<typeof FireResult>;
