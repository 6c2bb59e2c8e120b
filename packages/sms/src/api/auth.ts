import { HttpError } from '@rapport/kit';
import type { FastifyRequest } from 'fastify';
import type { SmsContext } from '../context.js';
import { authenticatePrivateKey, type AuthenticatedShop } from '../keys/keys.js';

/**
 * API-key authentication, Postscript's way: `Authorization: Bearer sk_…` (the shop's private key), or legacy
 * `Authorization: Basic base64(sk_…:)`. A public key never authenticates. Every failure is the same 401
 * naming the header, with a message that says what to send instead.
 */

/** OpenAPI: what the authenticated routes declare. */
export const SECURITY: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }, { basicAuth: [] }];
export const SECURITY_SCHEMES = {
  bearerAuth: { type: 'http', scheme: 'bearer', description: "The shop's private API key, sk_…" },
  basicAuth: { type: 'http', scheme: 'basic', description: 'Legacy: the private key as user name, empty password' },
};

const shops = new WeakMap<FastifyRequest, AuthenticatedShop>();

function unauthorized(msg: string): HttpError {
  return new HttpError(401, 'unauthorized', msg, ['header', 'authorization'], { 'www-authenticate': 'Bearer' });
}

export function tokenFromHeader(header: string | undefined): string | null {
  if (!header) return null;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    return decoded.split(':')[0] || null;
  }
  return null;
}

export function requireApiKey(ctx: SmsContext) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    const token = tokenFromHeader(header);
    if (!token) {
      throw unauthorized(
        header
          ? 'Authorization must be "Bearer sk_…" or "Basic base64(sk_…:)"'
          : 'Missing Authorization header: send "Authorization: Bearer sk_…" with your private API key',
      );
    }
    if (token.startsWith('pk_')) throw unauthorized('A public key (pk_…) cannot authenticate API calls; use the private key (sk_…)');
    const shop = await authenticatePrivateKey(ctx.db, token);
    if (!shop) throw unauthorized('Invalid or revoked API key');
    shops.set(request, shop);
  };
}

/** The shop the request authenticated as (only on routes behind requireApiKey). */
export function shopOf(request: FastifyRequest): AuthenticatedShop {
  const shop = shops.get(request);
  if (!shop) throw unauthorized('Not authenticated');
  return shop;
}
