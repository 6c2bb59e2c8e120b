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
