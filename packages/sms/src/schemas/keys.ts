import Type, { type Static } from 'typebox';
import { Nullable } from './common.js';

/** A security key pair as the dashboard lists it (the private key only ever through "Show"). */
export const ApiKeyView = Type.Object({
  id: Type.String(),
  shop_id: Type.String(),
  label: Nullable(Type.String()),
  public_key: Type.String(),
  revoked: Type.Boolean(),
  created_at: Type.String(),
  revoked_at: Nullable(Type.String()),
});
export type ApiKeyView = Static<typeof ApiKeyView>;

/** The pair as created: the private key is shown here once, and later only by "Show". */
export const NewKeyPair = Type.Object({ key_id: Type.String(), public_key: Type.String(), private_key: Type.String() });
export type NewKeyPair = Static<typeof NewKeyPair>;

export const CreateKeyPairBody = Type.Object(
  { label: Type.Optional(Type.String({ maxLength: 100, description: 'What the pair is for, e.g. "Okendo"' })) },
  { additionalProperties: false },
);
export type CreateKeyPairBody = Static<typeof CreateKeyPairBody>;

export const RelabelKeyBody = Type.Object({ label: Nullable(Type.String({ maxLength: 100 })) }, { additionalProperties: false });

export const RevealedKey = Type.Object({ private_key: Type.String() });
