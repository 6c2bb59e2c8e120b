/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON, read by assertions */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { accountsDb, dashboardClient, newDashboardBrowser, setupTokenIfNoUser } from '@rapport/kit';
import { PUBLIC_URL, startHarness, type Harness } from './helpers/harness.js';

/**
 * The reviews dashboard's accounts: its own users (not the SMS platform's), onboarding's "connect your
 * store", and the store routes answering the session for the stores a user may open — and 404 for others,
 * as a key of another store gets. The shared rules (lockout, resets, CSRF) are told in the SMS platform's
 * dashboard-accounts test; this one checks the reviews side is wired the same way.
 */
let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

const COOKIE = 'rapport_reviews_session';
const client = () => dashboardClient(h.service.app, COOKIE);
const password = 'correct horse battery';

describe('the reviews dashboard: owner, store, teammate', () => {
  const owner = newDashboardBrowser();
  let storeId: string;

  test('the owner uses the setup link, then connects the store', async () => {
    const setup = await setupTokenIfNoUser(accountsDb(h.database.db), h.clock.now());
    assert.ok(setup);
    const r = await client().call(owner, 'POST', `/api/dashboard/tokens/${setup.token}`, { email: 'owner@acme.test', password });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const bad = await client().call(owner, 'POST', '/api/dashboard/stores', {
      name: 'Acme',
      shop_domain: 'not a domain',
      time_zone: 'UTC',
      currency: 'USD',
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors[0].loc, ['body', 'shop_domain']);
    const store = await client().call(owner, 'POST', '/api/dashboard/stores', {
      name: 'Acme',
      shop_domain: 'acme-dash.myshopify.com',
      time_zone: 'America/Chicago',
      currency: 'usd',
    });
    assert.equal(store.status, 201, JSON.stringify(store.body));
    assert.deepEqual(
      { ...store.body, id: 'x' },
      { id: 'x', name: 'Acme', shop_domain: 'acme-dash.myshopify.com', time_zone: 'America/Chicago', currency: 'USD' },
    );
    storeId = store.body.id;
  });

  test('the store routes answer the session; a state change needs the CSRF token', async () => {
    const r = await client().call(owner, 'GET', `/api/stores/${storeId}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.shop_domain, 'acme-dash.myshopify.com');
    const body = { name: 'After fulfilment', wait_days: 3, after: 'fulfillment' };
    const noToken = await client().call({ ...owner, csrf: undefined }, 'POST', `/api/stores/${storeId}/sequences`, body);
    assert.equal(noToken.status, 403);
    assert.deepEqual(noToken.body.errors[0].loc, ['header', 'x-csrf-token']);
  });

  test('a teammate invited to one store gets 404 for another', async () => {
    const invite = await client().call(owner, 'POST', '/api/dashboard/invitations', { email: 'sam@acme.test', store_id: storeId });
    assert.equal(invite.status, 201, JSON.stringify(invite.body));
    // From the configured public URL (REVIEWS_PUBLIC_URL), never the request's Host header, which a client can set.
    assert.ok(String(invite.body.url).startsWith(`${PUBLIC_URL}/setup/`), invite.body.url);
    const sam = newDashboardBrowser();
    const token = String(invite.body.url).split('/setup/')[1]!;
    const joined = await client().call(sam, 'POST', `/api/dashboard/tokens/${token}`, { password: 'sams password!' });
    assert.deepEqual(
      joined.body.stores.map((s: any) => s.id),
      [storeId],
    );
    const other = await h.createStore('not-sams.myshopify.com');
    assert.equal((await client().call(sam, 'GET', `/api/stores/${other.id}`)).status, 404);
    assert.equal((await client().call(sam, 'GET', `/api/stores/${storeId}`)).status, 200);
    const inviteElsewhere = await client().call(sam, 'POST', '/api/dashboard/invitations', { email: 'x@acme.test', store_id: other.id });
    assert.equal(inviteElsewhere.status, 404, 'nor invite anyone to it');
  });

  test('the SMS platform’s accounts are not the reviews platform’s: an SMS cookie name opens nothing here', async () => {
    const res = await h.service.app.inject({
      method: 'GET',
      url: '/api/dashboard/session',
      headers: { cookie: `rapport_sms_session=${owner.cookie}` },
    });
    assert.equal(res.statusCode, 401);
  });
});
