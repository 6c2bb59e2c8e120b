import { createHash, timingSafeEqual } from 'node:crypto';
import {
  accountsDb,
  bearerAuth,
  canAccessTenant,
  forbidden,
  keyOrSession,
  NotFound,
  sessionAuth,
  sessionSecurityScheme,
  type BearerAuth,
  type SessionAuth,
} from '@rapport/kit';
import type { ReviewsContext } from '../context.js';
import type { StoresTable } from '../db/schema.js';
import { findStoreByApiKey, requireStore } from '../stores/stores.js';

/**
 * Admin API authentication (kit `bearerAuth`, an `onRequest` hook: before the body is read). Every
 * `/api/stores/{store_id}…` route wants `Authorization: Bearer rk_…`, that store's merchant API key (a valid
 * key of another store answers 404, as if the store did not exist). Creating and listing stores spans the
 * whole install, so those two want RAPPORT_ADMIN_TOKEN instead; with none configured they answer 403.
 */

/** OpenAPI: what the store routes and the install-wide admin routes declare. */
export const STORE_SECURITY: { [scheme: string]: string[] }[] = [{ storeApiKey: [] }, { sessionCookie: [] }];
/** The dashboard's session cookie: its own name, since cookies ignore ports and the SMS dashboard shares the host. */
export const SESSION_COOKIE = 'rapport_reviews_session';
export const ADMIN_SECURITY: { [scheme: string]: string[] }[] = [{ adminToken: [] }];
export const SECURITY_SCHEMES = {
  storeApiKey: { type: 'http', scheme: 'bearer', description: "The store's API key, rk_… (shown once when the store is created)" },
  adminToken: { type: 'http', scheme: 'bearer', description: 'The install’s admin token (RAPPORT_ADMIN_TOKEN)' },
  ...sessionSecurityScheme(SESSION_COOKIE),
};

export type StoreKeyAuth = BearerAuth<StoresTable>;

export const dashboardSession = (ctx: ReviewsContext): SessionAuth =>
  sessionAuth({ db: accountsDb(ctx.db), clock: ctx.clock, cookieName: SESSION_COOKIE });

/**
 * What every `/api/stores/{store_id}…` route accepts: the store's rk_ key, or the dashboard's session of a
 * user who may open that store (any other store answers 404, as a key of another store does).
 */
export function storeAuth(ctx: ReviewsContext, session: SessionAuth): StoreKeyAuth {
  return keyOrSession(storeKeyAuth(ctx), session, async (s, request) => {
    const storeId = String((request.params as { store_id?: unknown }).store_id);
    if (!(await canAccessTenant(accountsDb(ctx.db), s.user, storeId))) throw new NotFound(`no store ${storeId}`, ['path', 'store_id']);
    return requireStore(ctx.db, storeId);
  });
}

function storeKeyAuth(ctx: ReviewsContext): StoreKeyAuth {
  return bearerAuth({
    credential: 'rk_…',
    describe: "the store's API key",
    verify: async (token, request) => {
      const store = await findStoreByApiKey(ctx.db, token);
      if (!store) return null;
      const storeId = (request.params as { store_id?: unknown }).store_id;
      if (store.id !== storeId) throw new NotFound(`no store ${String(storeId)}`, ['path', 'store_id']);
      return store;
    },
    invalid: 'Invalid API key',
  });
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The install-wide routes (create / list stores): the admin token, compared in constant time. */
export function adminTokenAuth(ctx: ReviewsContext): BearerAuth<true> {
  const auth = bearerAuth({
    credential: '<RAPPORT_ADMIN_TOKEN>',
    describe: 'the install’s admin token',
    verify: async (token) => (ctx.adminToken && timingSafeEqual(digest(token), digest(ctx.adminToken)) ? true : null),
    invalid: 'Invalid admin token',
  });
  return {
    async onRequest(request) {
      if (!ctx.adminToken) {
        throw forbidden('The store admin API is disabled: set RAPPORT_ADMIN_TOKEN to enable it, or use `rapport reviews create-store`', [
          'header',
          'authorization',
        ]);
      }
      await auth.onRequest(request);
    },
    principal: auth.principal,
  };
}

/** Both kinds, built once per service by api/routes.ts and handed to every route file. */
export interface ApiAuth {
  store: StoreKeyAuth;
  admin: BearerAuth<true>;
  session: SessionAuth;
}

export function apiAuth(ctx: ReviewsContext): ApiAuth {
  const session = dashboardSession(ctx);
  return { store: storeAuth(ctx, session), admin: adminTokenAuth(ctx), session };
}
