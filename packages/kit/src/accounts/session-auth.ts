import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import { forbidden, HttpError, unauthorized } from '../http/errors.js';
import type { BearerAuth } from '../http/auth.js';
import { findSession, type ActiveSession, type NewSession } from './accounts.js';
import type { AccountsSchema } from './tables.js';

/**
 * Dashboard sessions over HTTP, one way for both services.
 *
 * - The cookie is `HttpOnly`, `SameSite=Lax`, `Path=/`, and `Secure` when the request came over HTTPS. Its
 *   name differs per product (`rapport_sms_session`, `rapport_reviews_session`): cookies ignore ports, and
 *   both dashboards live on one host in a default install.
 * - CSRF: every state-changing request (anything but GET/HEAD/OPTIONS) made with the cookie must carry the
 *   session's synchronizer token in `X-CSRF-Token`, and, when the browser sends `Origin`, come from this
 *   service's own origin. A page on another port of the same host is same-site to the browser, so the
 *   token, not SameSite, is what refuses it.
 * - Requests that start a session (login, a setup link) have no token yet: they must be JSON (a cross-site
 *   form cannot send that without a CORS preflight, which no route answers) and same-origin when `Origin` is sent.
 */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SessionAuth extends BearerAuth<ActiveSession> {
  /** Whether the request carries this product's session cookie (a dashboard call rather than an API-key call). */
  hasCookie(request: FastifyRequest): boolean;
  /** Refuses a cross-origin state-changing request (for the routes that start a session). */
  sameOrigin(request: FastifyRequest): void;
  setCookie(request: FastifyRequest, reply: FastifyReply, session: NewSession): void;
  clearCookie(request: FastifyRequest, reply: FastifyReply): void;
}

export function sessionAuth(opts: { db: Kysely<AccountsSchema>; clock: Clock; cookieName: string }): SessionAuth {
  const principals = new WeakMap<FastifyRequest, ActiveSession>();
  const tokenOf = (request: FastifyRequest): string | undefined => {
    const header = request.headers.cookie;
    return header ? parseCookie(header)[opts.cookieName] : undefined;
  };
  const secure = (request: FastifyRequest) => request.protocol === 'https';
  const sameOrigin = (request: FastifyRequest) => {
    const origin = request.headers.origin;
    if (origin === undefined || SAFE_METHODS.has(request.method)) return;
    const own = `${request.protocol}://${request.headers.host ?? ''}`;
    if (origin !== own) throw forbidden(`Cross-origin request refused: Origin ${origin} is not ${own}`, ['header', 'origin']);
  };
  return {
    async onRequest(request) {
      const token = tokenOf(request);
      if (!token) throw unauthorized('Not logged in: log in to the dashboard first', ['cookie', opts.cookieName]);
      const session = await findSession(opts.db, opts.clock.now(), token);
      if (!session) throw unauthorized('Your session has ended: log in again', ['cookie', opts.cookieName]);
      if (!SAFE_METHODS.has(request.method)) {
        sameOrigin(request);
        const csrf = request.headers[CSRF_HEADER];
        if (csrf !== session.csrfToken)
          throw new HttpError(403, 'csrf_failed', 'Missing or wrong X-CSRF-Token: reload the dashboard and try again', [
            'header',
            CSRF_HEADER,
          ]);
      }
      principals.set(request, session);
    },
    principal(request) {
      const p = principals.get(request);
      if (!p) throw unauthorized('Not logged in', ['cookie', opts.cookieName]);
      return p;
    },
    hasCookie: (request) => tokenOf(request) !== undefined,
    sameOrigin,
    setCookie(request, reply, session) {
      reply.header(
        'set-cookie',
        stringifySetCookie({
          name: opts.cookieName,
          value: session.token,
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: secure(request),
          // Max-Age, not Expires: relative, so it holds whatever the browser's clock says (a dev clock may
          // run in another year than the browser's).
          maxAge: Math.max(0, Math.floor((session.expiresAt.getTime() - opts.clock.now().getTime()) / 1000)),
        }),
      );
    },
    clearCookie(request, reply) {
      reply.header(
        'set-cookie',
        stringifySetCookie({
          name: opts.cookieName,
          value: '',
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: secure(request),
          maxAge: 0,
        }),
      );
    },
  };
}

/**
 * An API route that both a script (with a key in `Authorization`) and the dashboard (with the session
 * cookie) may call: the key wins when sent; otherwise the session, turned into the same principal by
 * `fromSession` (which checks the user may act for the tenant the request names).
 */
export function keyOrSession<P>(
  key: BearerAuth<P>,
  session: SessionAuth,
  fromSession: (s: ActiveSession, request: FastifyRequest) => Promise<P>,
): BearerAuth<P> {
  const dashboard = sessionTenant(session, fromSession);
  const viaSession = new WeakSet<FastifyRequest>();
  return {
    async onRequest(request) {
      if (request.headers.authorization !== undefined || !session.hasCookie(request)) return key.onRequest(request);
      viaSession.add(request);
      await dashboard.onRequest(request);
    },
    principal: (request) => (viaSession.has(request) ? dashboard.principal(request) : key.principal(request)),
  };
}

/**
 * A dashboard-only route acting for one tenant (managing API keys, say: a key must not mint keys): the
 * session, turned into the tenant's principal by `fromSession`.
 */
export function sessionTenant<P>(
  session: SessionAuth,
  fromSession: (s: ActiveSession, request: FastifyRequest) => Promise<P>,
): BearerAuth<P> {
  const principals = new WeakMap<FastifyRequest, P>();
  return {
    async onRequest(request) {
      await session.onRequest(request);
      principals.set(request, await fromSession(session.principal(request), request));
    },
    principal(request) {
      const p = principals.get(request);
      if (p === undefined) throw unauthorized('Not logged in');
      return p;
    },
  };
}
