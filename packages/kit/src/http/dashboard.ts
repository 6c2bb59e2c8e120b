import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpApp } from './app.js';

/**
 * A service's browser dashboard (a Vite build: `index.html` + content-hashed files under `assets/`),
 * served by the service itself so the dashboard and its API share one origin — the session cookie and
 * CSRF token need nothing cross-site.
 *
 *   /assets/*   the built files, `immutable` for a year: a new build has new names. Served pre-compressed
 *               (`.br`, `.gz` written next to each file at build time) when the browser accepts it, so
 *               no request spends CPU compressing.
 *   any other   index.html (`no-cache`: always revalidated, so a new build is picked up at once), but only
 *   GET         for a page load — Accept includes text/html — outside the service's reserved prefixes
 *               (/api, /v1, /docs, …). Everything else keeps the JSON 404 of app.ts's not-found handler,
 *               in its API family's shape: an API client that mistypes a path never gets a web page.
 *
 * Nothing is built here: a missing build is an error at start-up that says how to make it.
 */
export interface DashboardOptions {
  /** The build's folder: `dashboardDir` of `@rapport/sms-dashboard/dist-dir` or `@rapport/reviews-dashboard/dist-dir`. */
  distDir: string;
  /**
   * Path prefixes that are never a dashboard page. `/api` covers `/api` and `/api/…` (not `/apiary`);
   * a prefix ending in `/` (`/r/`) covers what is below it.
   */
  reservedPrefixes: readonly string[];
}

/**
 * The dashboard's CSP. Scripts only from the origin (Vite emits no inline script; Mantine needs none in
 * light mode), styles inline too because Mantine writes its CSS variables into a `<style>` element and
 * positions popovers with `style` attributes; no frames, no form posts or fetches to other origins.
 */
export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

const SECURITY_HEADERS = {
  'content-security-policy': DASHBOARD_CSP,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
} as const;

const YEAR_MS = 365 * 24 * 3600 * 1000;

export async function registerDashboard(app: HttpApp, opts: DashboardOptions): Promise<void> {
  if (!existsSync(join(opts.distDir, 'index.html')))
    throw new Error(`The dashboard is not built: ${join(opts.distDir, 'index.html')} is missing. Run \`npm run build:dashboards\`.`);

  await app.register(fastifyStatic, {
    root: join(opts.distDir, 'assets'),
    prefix: '/assets/',
    index: false,
    list: false,
    preCompressed: true,
    cacheControl: true,
    maxAge: YEAR_MS,
    immutable: true,
    setHeaders: (reply) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    },
  });

  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (!isPageLoad(request.url, request.headers.accept, opts.reservedPrefixes)) return reply.callNotFound();
    return reply
      .headers({ ...SECURITY_HEADERS, 'cache-control': 'no-cache' })
      .sendFile('index.html', opts.distDir, { cacheControl: false });
  });
}

/** Whether a GET is a browser loading a dashboard page: it asks for HTML, at a path no reserved prefix covers. */
export function isPageLoad(url: string, accept: string | undefined, reservedPrefixes: readonly string[]): boolean {
  if (!accept?.includes('text/html')) return false;
  const path = url.split('?')[0] ?? url;
  return !reservedPrefixes.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p || path.startsWith(`${p}/`)));
}
