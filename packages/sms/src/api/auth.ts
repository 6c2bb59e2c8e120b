import {
  accountsDb,
  bearerAuth,
  canAccessTenant,
  forbidden,
  keyOrSession,
  sessionAuth,
  sessionSecurityScheme,
  sessionTenant,
  TtlCache,
  type ActiveSession,
  type BearerAuth,
  type SessionAuth,
} from '@rapport/kit';
import type { FastifyRequest } from 'fastify';
import type { SmsContext } from '../context.js';
import { authenticatePrivateKey, type AuthenticatedShop } from '../keys/keys.js';
import { findShop } from '../shops/shops.js';

/**
 * API-key authentication, Postscript's way: `Authorization: Bearer sk_…` (the shop's private key), or legacy
 * `Authorization: Basic base64(sk_…:)`. A public key never authenticates. Runs as an `onRequest` hook (kit
 * `bearerAuth`), before the body is read: a request without a valid key is a 401 whatever its body.
 */

/** OpenAPI: what the authenticated routes declare. */
export const SECURITY: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }, { basicAuth: [] }, { sessionCookie: [] }];
/** The dashboard's session cookie: its own name, since cookies ignore ports and the reviews dashboard shares the host. */
export const SESSION_COOKIE = 'rapport_sms_session';
/** Which shop a dashboard request acts for (a session may open several). */
export const SHOP_HEADER = 'x-rapport-shop';
export const SECURITY_SCHEMES = {
  bearerAuth: { type: 'http', scheme: 'bearer', description: "The shop's private API key, sk_…" },
  basicAuth: { type: 'http', scheme: 'basic', description: 'Legacy: the private key as user name, empty password' },
  ...sessionSecurityScheme(SESSION_COOKIE),
};

export type ApiKeyAuth = BearerAuth<AuthenticatedShop>;

/**
 * How long a verified key is trusted without asking the database again. Every API request authenticates,
 * and the look-up (SHA-256 + an indexed join) was ~10 µs of SQL plus Kysely's building per request at
 * ingest rates; a revoked key stops working on every API process within this time.
 */
export const API_KEY_CACHE_MS = 5_000;

/**
 * What every shop route accepts: the private key (scripts, the reviews platform), or the dashboard's session
 * with the shop named in `X-Rapport-Shop` — a shop the user may open, else 403 (another shop's id answers
 * the same as an unknown one, so ids cannot be probed).
 */
export function shopAuth(ctx: SmsContext, session: SessionAuth): ApiKeyAuth {
  return keyOrSession(apiKeyAuth(ctx), session, sessionShop(ctx));
}

/** Dashboard-only shop routes (the API page's key management): the session and X-Rapport-Shop, never a key. */
export const dashboardShopAuth = (ctx: SmsContext, session: SessionAuth): ApiKeyAuth => sessionTenant(session, sessionShop(ctx));

const sessionShop =
  (ctx: SmsContext) =>
  async (s: ActiveSession, request: FastifyRequest): Promise<AuthenticatedShop> => {
    const header = request.headers[SHOP_HEADER];
    const shopId = typeof header === 'string' ? header : undefined;
    if (!shopId) throw forbidden('Name the shop in the X-Rapport-Shop header', ['header', SHOP_HEADER]);
    const shop = (await canAccessTenant(accountsDb(ctx.db), s.user, shopId)) ? await findShop(ctx.db, shopId) : undefined;
    if (!shop) throw forbidden(`You have no shop ${shopId}`, ['header', SHOP_HEADER]);
    return { shopId: shop.id, shopName: shop.name, keyId: null };
  };

export const dashboardSession = (ctx: SmsContext): SessionAuth =>
  sessionAuth({ db: accountsDb(ctx.db), clock: ctx.clock, cookieName: SESSION_COOKIE });

function apiKeyAuth(ctx: SmsContext): ApiKeyAuth {
  const cache = new TtlCache<string, AuthenticatedShop>(10_000, API_KEY_CACHE_MS, () => ctx.clock.now().getTime());
  return bearerAuth({
    credential: 'sk_…',
    describe: 'your private API key',
    allowBasic: true,
    refuse: (token) => (token.startsWith('pk_') ? 'A public key (pk_…) cannot authenticate API calls; use the private key (sk_…)' : null),
    verify: async (token) => {
      const cached = cache.get(token);
      if (cached) return cached;
      const shop = await authenticatePrivateKey(ctx.db, token);
      if (shop) cache.set(token, shop);
      return shop;
    },
    invalid: 'Invalid or revoked API key',
  });
}
