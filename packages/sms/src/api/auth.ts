import { bearerAuth, TtlCache, type BearerAuth } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import { authenticatePrivateKey, type AuthenticatedShop } from '../keys/keys.js';

/**
 * API-key authentication, Postscript's way: `Authorization: Bearer sk_…` (the shop's private key), or legacy
 * `Authorization: Basic base64(sk_…:)`. A public key never authenticates. Runs as an `onRequest` hook (kit
 * `bearerAuth`), before the body is read: a request without a valid key is a 401 whatever its body.
 */

/** OpenAPI: what the authenticated routes declare. */
export const SECURITY: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }, { basicAuth: [] }];
export const SECURITY_SCHEMES = {
  bearerAuth: { type: 'http', scheme: 'bearer', description: "The shop's private API key, sk_…" },
  basicAuth: { type: 'http', scheme: 'basic', description: 'Legacy: the private key as user name, empty password' },
};

export type ApiKeyAuth = BearerAuth<AuthenticatedShop>;

/**
 * How long a verified key is trusted without asking the database again. Every API request authenticates,
 * and the look-up (SHA-256 + an indexed join) was ~10 µs of SQL plus Kysely's building per request at
 * ingest rates; a revoked key stops working on every API process within this time.
 */
export const API_KEY_CACHE_MS = 5_000;

export function apiKeyAuth(ctx: SmsContext): ApiKeyAuth {
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
