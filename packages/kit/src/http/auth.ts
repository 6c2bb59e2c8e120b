import type { FastifyRequest } from 'fastify';
import { unauthorized } from './errors.js';

/**
 * Bearer-key authentication, one way for both services: an `onRequest` hook, so it runs before the body is
 * read or validated — an unauthenticated request is a 401 whatever its body — and a `principal(request)`
 * accessor for the handler. Every failure is a 401 naming the Authorization header, with a message that
 * says what to send instead.
 */
export interface BearerAuthOptions<P> {
  /** The token as messages show it: "sk_…", "rk_…", "<RAPPORT_ADMIN_TOKEN>". */
  credential: string;
  /** What that token is, for messages: "the shop's private API key". */
  describe: string;
  /** Also accept `Authorization: Basic base64(<token>:)` (Postscript's legacy form). */
  allowBasic?: boolean;
  /** A message when a well-formed token can never authenticate (e.g. a public pk_ key), else null. */
  refuse?(token: string): string | null;
  /** The principal a token belongs to, or null (→ 401 `invalid`). May throw (e.g. a 404 for another store's key). */
  verify(token: string, request: FastifyRequest): Promise<P | null>;
  /** The 401 message when `verify` finds nothing. */
  invalid: string;
}

export interface BearerAuth<P> {
  onRequest(request: FastifyRequest): Promise<void>;
  /** The principal of a request that passed `onRequest` (throws 401 on a route without it). */
  principal(request: FastifyRequest): P;
}

/** The token of an Authorization header (`Bearer <t>`, or `Basic base64(<t>:)` when allowed); null when absent or malformed. */
export function tokenOf(header: string | undefined, allowBasic = false): string | null {
  if (!header) return null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer?.[1]) return bearer[1];
  if (!allowBasic) return null;
  const basic = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!basic?.[1]) return null;
  return Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0] || null;
}

export function bearerAuth<P>(options: BearerAuthOptions<P>): BearerAuth<P> {
  const principals = new WeakMap<FastifyRequest, P>();
  const form = options.allowBasic
    ? `"Bearer ${options.credential}" or "Basic base64(${options.credential}:)"`
    : `"Bearer ${options.credential}"`;
  return {
    async onRequest(request) {
      const header = request.headers.authorization;
      const token = tokenOf(header, options.allowBasic);
      if (!token) {
        throw unauthorized(
          header
            ? `Authorization must be ${form}`
            : `Missing Authorization header: send "Authorization: Bearer ${options.credential}" with ${options.describe}`,
        );
      }
      const refused = options.refuse?.(token);
      if (refused) throw unauthorized(refused);
      const principal = await options.verify(token, request);
      if (principal === null) throw unauthorized(options.invalid);
      principals.set(request, principal);
    },
    principal(request) {
      const p = principals.get(request);
      if (p === undefined) throw unauthorized('Not authenticated');
      return p;
    },
  };
}
