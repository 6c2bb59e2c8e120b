/**
 * The shapes of the dashboard account routes, shared by both services. Imports nothing but typebox, so a
 * dashboard bundle can import it (`@rapport/kit/accounts/schemas`).
 */
import Type, { type Static, type TSchema } from 'typebox';

export const PASSWORD_MAX_LENGTH = 200;

export const Email = Type.String({ minLength: 3, maxLength: 254, description: 'The login email (case does not matter)' });
export const Password = Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH, description: 'At least 10 characters' });

export const LoginBody = Type.Object({ email: Email, password: Password }, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBody>;

export const UserView = Type.Object({ id: Type.String(), email: Type.String() });

/** What the dashboard knows about who is logged in; the tenant list is `shops` on SMS, `stores` on reviews. */
export function sessionViewSchema<K extends string, T extends TSchema>(key: K, tenant: T) {
  const properties = {
    user: UserView,
    /** Echo it in `X-CSRF-Token` on every state-changing request. */
    csrf_token: Type.String({ description: 'Echo it in X-CSRF-Token on every state-changing request' }),
    [key]: Type.Array(tenant),
  } as { user: typeof UserView; csrf_token: ReturnType<typeof Type.String> } & { [P in K]: ReturnType<typeof Type.Array<T>> };
  return Type.Object(properties);
}

export const TokenKind = Type.Union([Type.Literal('setup'), Type.Literal('invitation'), Type.Literal('reset')]);
export const TokenView = Type.Object({
  kind: TokenKind,
  /** Who the link is for; null on the setup link, where the owner types their email. */
  email: Type.Union([Type.String(), Type.Null()]),
});
export type TokenView = Static<typeof TokenView>;

export const RedeemTokenBody = Type.Object({ email: Type.Optional(Email), password: Password }, { additionalProperties: false });
export type RedeemTokenBody = Static<typeof RedeemTokenBody>;

export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });

export const InvitationView = Type.Object({ url: Type.String(), expires_at: Type.String() });
export type InvitationView = Static<typeof InvitationView>;
