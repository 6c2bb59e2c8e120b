import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { createHttpApp, silentLogger, type HttpApp } from '../src/index.js';
import { DASHBOARD_CSP, registerDashboard } from '../src/http/dashboard.js';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-1a2b3c.js"></script></head><body></body></html>';
const SCRIPT = 'console.log("dashboard");'.repeat(40);
const RESERVED = ['/api', '/v1', '/docs', '/dev', '/webhooks', '/r/', '/health'];
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let dir: string;
let app: HttpApp;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rapport-dashboard-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'app-1a2b3c.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'app-1a2b3c.js.br'), brotliCompressSync(SCRIPT));
  app = await createHttpApp({
    title: 'test',
    description: 'test',
    service: 'test',
    logger: silentLogger,
    errorFamilies: [{ prefix: '/api/v2', family: 'postscript' }],
  });
  app.get('/api/dashboard/session', async () => ({ ok: true }));
  app.get('/r/:token', async (request) => ({ token: (request.params as { token: string }).token }));
  await registerDashboard(app, { distDir: dir, reservedPrefixes: RESERVED });
  await app.ready();
});
after(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, accept = HTML, extra: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { accept, ...extra } });

function assertSecurityHeaders(headers: Record<string, unknown>) {
  assert.equal(headers['content-security-policy'], DASHBOARD_CSP);
  assert.equal(headers['x-frame-options'], 'DENY');
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['referrer-policy'], 'same-origin');
}

describe('registerDashboard: the page, its assets, and the API 404s left alone', () => {
  const pages = [
    { name: 'the root', url: '/' },
    { name: 'a setup link, by the SPA fallback', url: '/setup/tok_abc123' },
    { name: 'a nested page with a query', url: '/onboarding?step=2' },
    { name: 'a path that only starts like a reserved prefix', url: '/apiary' },
  ];
  for (const c of pages) {
    test(`${c.name} (${c.url}) answers index.html, no-cache, with the security headers`, async () => {
      const res = await get(c.url);
      assert.equal(res.statusCode, 200);
      assert.equal(res.body, INDEX);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      assertSecurityHeaders(res.headers);
    });
  }

  test('a hashed asset is immutable for a year, with the security headers', async () => {
    const res = await get('/assets/app-1a2b3c.js', '*/*');
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, SCRIPT);
    assert.match(String(res.headers['content-type']), /javascript/);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assertSecurityHeaders(res.headers);
  });

  test('an asset is sent brotli-compressed, as built, to a browser that accepts it', async () => {
    const res = await get('/assets/app-1a2b3c.js', '*/*', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.match(String(res.headers['vary']), /accept-encoding/i);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  const notFound = [
    { name: 'an unknown API path, even from a browser', method: 'GET', url: '/api/x', accept: HTML, msg: 'No route GET /api/x' },
    { name: 'a Postscript-family path', method: 'GET', url: '/api/v2/nope', accept: HTML, msg: 'No route GET /api/v2/nope' },
    { name: 'a reserved prefix ending in a slash', method: 'GET', url: '/r/abc/extra', accept: HTML, msg: 'No route GET /r/abc/extra' },
    { name: 'the reserved prefix itself', method: 'GET', url: '/health', accept: HTML, msg: 'No route GET /health' },
    { name: 'a page path asked for as JSON', method: 'GET', url: '/setup/tok', accept: 'application/json', msg: 'No route GET /setup/tok' },
    { name: 'a page path without Accept', method: 'GET', url: '/login', accept: '', msg: 'No route GET /login' },
    { name: 'a POST to a page path', method: 'POST', url: '/login', accept: HTML, msg: 'No route POST /login' },
    { name: 'a missing asset', method: 'GET', url: '/assets/gone-000000.js', accept: HTML, msg: 'No route GET /assets/gone-000000.js' },
  ] as const;
  for (const c of notFound) {
    test(`${c.name} (${c.method} ${c.url}) keeps the JSON 404`, async () => {
      const res = await app.inject({ method: c.method, url: c.url, headers: c.accept ? { accept: c.accept } : {} });
      assert.equal(res.statusCode, 404);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.deepEqual(res.json(), { errors: [{ loc: [], msg: c.msg, type: 'not_found' }] });
    });
  }

  test('routes of the service still answer', async () => {
    assert.deepEqual((await get('/api/dashboard/session')).json(), { ok: true });
    assert.deepEqual((await get('/r/abc')).json(), { token: 'abc' });
  });

  test('the fallback is not in the OpenAPI document', async () => {
    const doc = app.swagger() as { paths?: Record<string, unknown> };
    assert.deepEqual(
      Object.keys(doc.paths ?? {}).filter((p) => p.includes('*')),
      [],
    );
  });
});

test('registerDashboard refuses a folder without a build, saying how to make one', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'rapport-dashboard-empty-'));
  const bare = await createHttpApp({ title: 't', description: 't', service: 'test', logger: silentLogger });
  try {
    await assert.rejects(registerDashboard(bare, { distDir: empty, reservedPrefixes: RESERVED }), /npm run build:dashboards/);
  } finally {
    await bare.close();
    rmSync(empty, { recursive: true, force: true });
  }
});
