/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON, read by assertions */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  accountsDb,
  dashboardClient,
  newDashboardBrowser,
  issueResetToken,
  LOCKOUT_MS,
  MAX_FAILED_LOGINS,
  SESSION_TTL_MS,
  setupTokenIfNoUser,
  silentLogger,
} from '@rapport/kit';
import { API_KEY_CACHE_MS } from '../src/api/auth.js';
import { createSmsService } from '../src/index.js';
import { startHarness, type Harness } from './harness.js';

/**
 * The SMS dashboard's accounts, as a merchant meets them: the owner's one-time setup link, onboarding's
 * shop, logging in and out, lockout, CSRF, a teammate's invitation, a password reset, and the same API
 * routes answering the dashboard's session as they answer a private key.
 */
let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

const COOKIE = 'rapport_sms_session';
const ORIGIN = 'http://localhost:80';

const client = () => dashboardClient(h.service.app, COOKIE);
const newBrowser = newDashboardBrowser;
const call: ReturnType<typeof client>['call'] = (...args) => client().call(...args);

const password = 'correct horse battery';

describe('the owner sets up the install through the one-time link', () => {
  const owner = newBrowser();
  let shopId: string;

  test('with no user, a setup link exists; it is for the owner, who types their email', async () => {
    const setup = await setupTokenIfNoUser(accountsDb(h.database.db), h.clock.now());
    assert.ok(setup);
    const inspect = await call(newBrowser(), 'GET', `/api/dashboard/tokens/${setup.token}`);
    assert.deepEqual(inspect.body, { kind: 'setup', email: null });

    const short = await call(newBrowser(), 'POST', `/api/dashboard/tokens/${setup.token}`, { email: 'owner@acme.test', password: 'short' });
    assert.equal(short.status, 400);
    assert.deepEqual(short.body.errors[0].loc, ['body', 'password']);

    const used = await call(owner, 'POST', `/api/dashboard/tokens/${setup.token}`, { email: 'Owner@Acme.test', password });
    assert.equal(used.status, 200, JSON.stringify(used.body));
    assert.equal(used.body.user.email, 'owner@acme.test');
    assert.deepEqual(used.body.shops, [], 'the owner sees every shop: none yet (the harness makes shops only on demand)');
    assert.ok(used.cookie?.httpOnly, 'the session cookie is HttpOnly');
    assert.equal(used.cookie?.sameSite, 'Lax');
    // Relative, so a browser whose clock differs from the (dev) clock of the service still keeps it.
    assert.equal(used.cookie?.maxAge, SESSION_TTL_MS / 1000);
    assert.equal(used.cookie?.expires, undefined);

    const again = await call(newBrowser(), 'POST', `/api/dashboard/tokens/${setup.token}`, { email: 'x@acme.test', password });
    assert.equal(again.status, 410, 'the link works once');
    assert.equal(await setupTokenIfNoUser(accountsDb(h.database.db), h.clock.now()), undefined, 'no new setup link once there is a user');
  });

  test('onboarding: the owner creates the shop with its time zone and currency', async () => {
    const bad = await call(owner, 'POST', '/api/dashboard/shops', { name: 'Acme Tea', time_zone: 'Mars/Olympus', currency: 'USD' });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors[0].loc, ['body', 'time_zone']);
    const r = await call(owner, 'POST', '/api/dashboard/shops', { name: 'Acme Tea', time_zone: 'Europe/London', currency: 'gbp' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual({ ...r.body, id: undefined }, { id: undefined, name: 'Acme Tea', time_zone: 'Europe/London', currency: 'GBP' });
    shopId = r.body.id;
    const me = await call(owner, 'GET', '/api/dashboard/session');
    assert.deepEqual(
      me.body.shops.map((s: any) => s.name),
      ['Acme Tea'],
    );
  });

  test('the API routes answer the session, for the shop named in X-Rapport-Shop', async () => {
    assert.equal((await call(owner, 'GET', '/api/v2/me')).status, 403, 'no shop named');
    owner.shop = shopId;
    const me = await call(owner, 'GET', '/api/v2/me');
    assert.deepEqual(me.body, { resource_id: shopId, resource_name: 'Acme Tea', resource_type: 'shop' });
    const other = await h.newShop('Made by a script');
    const asOwner = await call({ ...owner, shop: other.shopId }, 'GET', '/api/v2/me');
    assert.equal(asOwner.status, 200, 'the install owner opens every shop, including ones made by the CLI');
  });

  test('the API page: Create Security Key Pair, label, Show, revoke — with the session only, never with a key', async () => {
    const created = await call(owner, 'POST', '/api/dashboard/keys', { label: 'Okendo' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.private_key, /^sk_/);
    const keyId = created.body.key_id;
    const listed = await call(owner, 'GET', '/api/dashboard/keys');
    assert.deepEqual(
      listed.body.keys.map((k: any) => [k.label, k.revoked]),
      [['Okendo', false]],
    );
    assert.ok(!JSON.stringify(listed.body).includes(created.body.private_key), 'the list never carries a private key');
    const shown = await call(owner, 'POST', `/api/dashboard/keys/${keyId}/reveal`);
    assert.equal(shown.body.private_key, created.body.private_key, 'Show reveals the same key');
    const relabelled = await call(owner, 'PATCH', `/api/dashboard/keys/${keyId}`, { label: 'Okendo reviews' });
    assert.equal(relabelled.body.label, 'Okendo reviews');

    const withKey = await h.request('GET', '/api/dashboard/keys', { headers: { authorization: `Bearer ${created.body.private_key}` } });
    assert.equal(withKey.status, 401, 'a private key cannot list or mint keys');
    const other = await h.newShop('Someone else');
    const foreign = await call(owner, 'POST', `/api/dashboard/keys/${other.keyId}/reveal`);
    assert.equal(foreign.status, 404, 'a key of another shop is not this shop’s, even for the install owner');

    assert.equal((await h.request('GET', '/api/v2/me', { headers: { authorization: `Bearer ${created.body.private_key}` } })).status, 200);
    const revoked = await call(owner, 'DELETE', `/api/dashboard/keys/${keyId}`);
    assert.equal(revoked.body.revoked, true);
    h.clock.advance(API_KEY_CACHE_MS + 1);
    assert.equal((await h.request('GET', '/api/v2/me', { headers: { authorization: `Bearer ${created.body.private_key}` } })).status, 401);
  });

  test('CSRF: a state-changing request with the cookie needs the token, and from this origin', async () => {
    const body = { name: 'Second', time_zone: 'UTC', currency: 'EUR' };
    const noToken = await call({ ...owner, csrf: undefined }, 'POST', '/api/dashboard/shops', body);
    assert.equal(noToken.status, 403);
    assert.deepEqual(noToken.body.errors[0].loc, ['header', 'x-csrf-token']);
    const wrongToken = await call({ ...owner, csrf: 'guess' }, 'POST', '/api/dashboard/shops', body);
    assert.equal(wrongToken.status, 403);
    const crossSite = await call(owner, 'POST', '/api/dashboard/shops', body, { origin: 'http://localhost:4200' });
    assert.equal(crossSite.status, 403, 'the reviews dashboard on another port is same-site but not same-origin');
    assert.deepEqual(crossSite.body.errors[0].loc, ['header', 'origin']);
    const sameOrigin = await call(owner, 'POST', '/api/dashboard/shops', body, { origin: ORIGIN });
    assert.equal(sameOrigin.status, 201);
    const loginCrossSite = await call(
      newBrowser(),
      'POST',
      '/api/dashboard/login',
      { email: 'owner@acme.test', password },
      { origin: 'http://evil.test' },
    );
    assert.equal(loginCrossSite.status, 403, 'login CSRF is refused too');
  });

  test('unauthenticated: the session and dashboard routes answer 401 naming the cookie', async () => {
    const r = await call(newBrowser(), 'GET', '/api/dashboard/session');
    assert.equal(r.status, 401);
    assert.deepEqual(r.body.errors[0].loc, ['cookie', COOKIE]);
    const shops = await call(newBrowser(), 'POST', '/api/dashboard/shops', { name: 'x', time_zone: 'UTC', currency: 'USD' });
    assert.equal(shops.status, 401);
  });

  test('a teammate invited to one shop sees that shop only', async () => {
    const invite = await call(owner, 'POST', '/api/dashboard/invitations', { email: 'sam@acme.test' });
    assert.equal(invite.status, 201, JSON.stringify(invite.body));
    const token = String(invite.body.url).split('/setup/')[1]!;
    // From the configured public URL (SMS_API_URL), never the request's Host header, which a client can set.
    assert.ok(String(invite.body.url).startsWith(`${h.config.smsApiUrl}/setup/`), invite.body.url);
    assert.deepEqual((await call(newBrowser(), 'GET', `/api/dashboard/tokens/${token}`)).body, {
      kind: 'invitation',
      email: 'sam@acme.test',
    });
    const sam = newBrowser();
    const joined = await call(sam, 'POST', `/api/dashboard/tokens/${token}`, { password: 'sams password!' });
    assert.equal(joined.status, 200, JSON.stringify(joined.body));
    assert.deepEqual(
      joined.body.shops.map((s: any) => s.id),
      [shopId],
    );
    const other = await h.newShop('Not Sam’s');
    const probe = await call({ ...sam, shop: other.shopId }, 'GET', '/api/v2/me');
    assert.equal(probe.status, 403, 'a user of shop A cannot act for shop B');
    assert.equal((await call({ ...sam, shop: shopId }, 'GET', '/api/v2/me')).status, 200);
  });

  test('logout ends the session: the cookie no longer opens anything', async () => {
    const b = newBrowser();
    assert.equal((await call(b, 'POST', '/api/dashboard/login', { email: 'sam@acme.test', password: 'sams password!' })).status, 200);
    const cookie = b.cookie;
    const out = await call(b, 'POST', '/api/dashboard/logout');
    assert.equal(out.status, 204);
    assert.equal(out.cookie?.value, '', 'the cookie is cleared');
    assert.equal((await call({ cookie, csrf: undefined }, 'GET', '/api/dashboard/session')).status, 401);
  });

  test('sessions live in the database: another service process on it knows them', async () => {
    const second = await createSmsService({ database: h.database, clock: h.clock, log: silentLogger, config: h.config, devClock: h.clock });
    try {
      const res = await second.app.inject({
        method: 'GET',
        url: '/api/dashboard/session',
        headers: { cookie: `${COOKIE}=${owner.cookie}` },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().user.email, 'owner@acme.test');
    } finally {
      await second.close();
    }
  });
});

describe('logging in', () => {
  test('a wrong password and an unknown email get the same 401', async () => {
    const wrong = await call(newBrowser(), 'POST', '/api/dashboard/login', { email: 'owner@acme.test', password: 'not the password' });
    const unknown = await call(newBrowser(), 'POST', '/api/dashboard/login', { email: 'nobody@acme.test', password: 'not the password' });
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
  });

  test(`${MAX_FAILED_LOGINS} failures in a row lock the account for 15 minutes, even for the right password`, async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
      assert.equal(
        (await call(newBrowser(), 'POST', '/api/dashboard/login', { email: 'owner@acme.test', password: `nope ${i} nope` })).status,
        401,
      );
    }
    const locked = await call(newBrowser(), 'POST', '/api/dashboard/login', { email: 'owner@acme.test', password });
    assert.equal(locked.status, 429, 'the earlier failure of the previous test counts too');
    assert.ok(Number(locked.headers['retry-after']) > 0);
    h.clock.advance(LOCKOUT_MS + 1000);
    assert.equal((await call(newBrowser(), 'POST', '/api/dashboard/login', { email: 'owner@acme.test', password })).status, 200);
  });

  test('a reset link sets a new password and ends every session of that user', async () => {
    const before = newBrowser();
    await call(before, 'POST', '/api/dashboard/login', { email: 'owner@acme.test', password });
    const { token } = await issueResetToken(accountsDb(h.database.db), h.clock.now(), 'owner@acme.test');
    assert.deepEqual((await call(newBrowser(), 'GET', `/api/dashboard/tokens/${token}`)).body, { kind: 'reset', email: 'owner@acme.test' });
    const after = newBrowser();
    assert.equal((await call(after, 'POST', `/api/dashboard/tokens/${token}`, { password: 'a brand new password' })).status, 200);
    assert.equal((await call(before, 'GET', '/api/dashboard/session')).status, 401, 'the old session ended');
    assert.equal((await call(newBrowser(), 'POST', '/api/dashboard/login', { email: 'owner@acme.test', password })).status, 401);
    assert.equal(
      (await call(newBrowser(), 'POST', '/api/dashboard/login', { email: 'owner@acme.test', password: 'a brand new password' })).status,
      200,
    );
  });
});
