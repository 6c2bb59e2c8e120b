import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpError, notFound } from '@rapport/kit';
import type { FastifyRequest } from 'fastify';
import type { ReviewsContext } from '../context.js';
import { findStoreByApiKey } from '../stores/stores.js';

/**
 * Admin API authentication. Every `/api/stores/{store_id}…` route wants `Authorization: Bearer rk_…`,
 * that store's merchant API key (a valid key of another store answers 404, as if the store did not exist).
 * Creating and listing stores spans the whole install, so those two want RAPPORT_ADMIN_TOKEN instead; with
 * none configured they answer 403. Failures are 401s naming the header, in the usual error shape.
 */

/** OpenAPI: what the store routes and the install-wide admin routes declare. */
export const STORE_SECURITY: { [scheme: string]: string[] }[] = [{ storeApiKey: [] }];
export const ADMIN_SECURITY: { [scheme: string]: string[] }[] = [{ adminToken: [] }];
export const SECURITY_SCHEMES = {
  storeApiKey: { type: 'http', scheme: 'bearer', description: "The store's API key, rk_… (shown once when the store is created)" },
  adminToken: { type: 'http', scheme: 'bearer', description: 'The install’s admin token (RAPPORT_ADMIN_TOKEN)' },
};

function unauthorized(msg: string): HttpError {
  return new HttpError(401, 'unauthorized', msg, ['header', 'authorization'], { 'www-authenticate': 'Bearer' });
}

function bearerToken(request: FastifyRequest, what: string): string {
  const header = request.headers.authorization;
  if (!header) throw unauthorized(`Missing Authorization header: send "Authorization: Bearer <${what}>"`);
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthorized(`Authorization must be "Bearer <${what}>"`);
  return match[1];
}

/** onRequest hook of the `/api/stores/:store_id…` routes: runs before the body is parsed or validated. */
export function requireStoreKey(ctx: ReviewsContext) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request, "the store's API key, rk_…");
    const store = await findStoreByApiKey(ctx.db, token);
    if (!store) throw unauthorized('Invalid API key');
    const storeId = (request.params as { store_id?: unknown }).store_id;
    if (store.id !== storeId) throw notFound(`no store ${String(storeId)}`, ['path', 'store_id']);
  };
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** onRequest hook of the install-wide routes (create / list stores): the admin token, compared in constant time. */
export function requireAdminToken(ctx: ReviewsContext) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!ctx.adminToken) {
      throw new HttpError(
        403,
        'access_denied',
        'The store admin API is disabled: set RAPPORT_ADMIN_TOKEN to enable it, or use `rapport reviews create-store`',
        ['header', 'authorization'],
      );
    }
    const token = bearerToken(request, 'RAPPORT_ADMIN_TOKEN');
    if (!timingSafeEqual(digest(token), digest(ctx.adminToken))) throw unauthorized('Invalid admin token');
  };
}
