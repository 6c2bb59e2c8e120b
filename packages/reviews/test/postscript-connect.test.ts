import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OKENDO_REVIEW_REQUEST_TRIGGER } from '@rapport/contract';
import { connectPostscript, PostscriptConnectError, REJECTED_KEY_MESSAGE } from '../src/index.js';
import { FAKE_SHOP, GOOD_KEY } from './helpers/fake-postscript.js';
import { startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => h.close());

async function integrationRow(storeId: string) {
  return h.database.db.selectFrom('postscript_integrations').selectAll().where('store_id', '=', storeId).executeTakeFirst();
}

describe('connecting Postscript (Settings > Integrations > Email & SMS > Postscript)', () => {
  const refusals: {
    name: string;
    key: string;
    apiUrl?: string;
    script?: number;
    reason: string;
    message: RegExp | string;
    callsApi: boolean;
  }[] = [
    {
      name: 'the Public Key (pk_…) is refused locally, before any call',
      key: 'pk_live_abc123',
      reason: 'public_key',
      message: REJECTED_KEY_MESSAGE,
      callsApi: false,
    },
    {
      name: 'a private key Postscript answers 401 to',
      key: 'sk_wrong_key_000',
      reason: 'rejected_key',
      message: REJECTED_KEY_MESSAGE,
      callsApi: true,
    },
    {
      name: 'a key Postscript answers 403 to',
      key: GOOD_KEY,
      script: 403,
      reason: 'rejected_key',
      message: REJECTED_KEY_MESSAGE,
      callsApi: true,
    },
    {
      name: 'an unreachable API (message names the URL)',
      key: GOOD_KEY,
      apiUrl: 'http://127.0.0.1:1',
      reason: 'unreachable',
      message: /Could not reach the Postscript API at http:\/\/127\.0\.0\.1:1/,
      callsApi: false,
    },
    {
      name: 'an API URL that is not http(s)',
      key: GOOD_KEY,
      apiUrl: 'ftp://postscript.example',
      reason: 'invalid_url',
      message: /api_url must be an http\(s\) URL/,
      callsApi: false,
    },
    {
      name: 'an API that answers 500',
      key: GOOD_KEY,
      script: 500,
      reason: 'unexpected_response',
      message: /answered 500 to GET/,
      callsApi: true,
    },
  ];
  for (const r of refusals) {
    test(`refused: ${r.name}`, async () => {
      const store = await h.createStore();
      if (r.script) h.fake.script('GET', '/api/v2/me', { status: r.script });
      const callsBefore = h.fake.requests.length;
      await assert.rejects(
        connectPostscript(h.database, h.clock, { storeId: store.id, privateKey: r.key, apiUrl: r.apiUrl ?? h.fake.url }),
        (err: unknown) => {
          assert.ok(err instanceof PostscriptConnectError);
          assert.equal(err.reason, r.reason);
          if (typeof r.message === 'string') assert.equal(err.message, r.message);
          else assert.match(err.message, r.message);
          return true;
        },
      );
      assert.equal(h.fake.requests.length > callsBefore, r.callsApi);
      assert.equal(h.fake.calls('POST', '/v1/triggers').filter((c) => c.headers.authorization === `Bearer ${r.key}`).length, 0);
      assert.equal(await integrationRow(store.id), undefined, 'nothing saved');
    });
  }

  test('a good key: checked with GET /api/v2/me, the trigger registered once even when saved twice', async () => {
    const store = await h.createStore();
    const triggersBefore = h.fake.calls('POST', '/v1/triggers').length;
    const first = await connectPostscript(h.database, h.clock, { storeId: store.id, privateKey: GOOD_KEY, apiUrl: h.fake.url });
    assert.deepEqual(first, { connected: true, shop_name: 'Acme Postscript' });
    const me = h.fake.calls('GET', '/api/v2/me').at(-1);
    assert.equal(me?.headers.authorization, `Bearer ${GOOD_KEY}`);
    const second = await connectPostscript(h.database, h.clock, { storeId: store.id, privateKey: GOOD_KEY, apiUrl: `${h.fake.url}/` });
    assert.deepEqual(second, { connected: true, shop_name: 'Acme Postscript' });

    const registrations = h.fake.calls('POST', '/v1/triggers').slice(triggersBefore);
    assert.equal(registrations.length, 1);
    assert.deepEqual(registrations[0]?.body, { name: 'Okendo Review Request', tags: OKENDO_REVIEW_REQUEST_TRIGGER.tags.map((t) => t.key) });
    const row = await integrationRow(store.id);
    assert.equal(row?.shop_id, 'shop_fake123');
    assert.equal(row?.shop_name, 'Acme Postscript');
    assert.match(row?.trigger_id ?? '', /^trg_/);
    assert.equal(row?.status, 'connected');
  });

  test("event names on the wire: Postscript-safe by default against Postscript, the seed's against Rapport, or as chosen", async () => {
    const cases: { name: string; rapport: boolean; choose?: 'seed' | 'postscript_safe'; expected: 'seed' | 'postscript_safe' }[] = [
      { name: 'real Postscript (no Rapport-Service header)', rapport: false, expected: 'postscript_safe' },
      { name: "Rapport's SMS platform", rapport: true, expected: 'seed' },
      { name: 'real Postscript, seed names chosen', rapport: false, choose: 'seed', expected: 'seed' },
    ];
    for (const c of cases) {
      const store = await h.createStore();
      if (c.rapport) h.fake.script('GET', '/api/v2/me', { status: 200, headers: { 'rapport-service': 'sms' }, body: FAKE_SHOP });
      await connectPostscript(h.database, h.clock, {
        storeId: store.id,
        privateKey: GOOD_KEY,
        apiUrl: h.fake.url,
        ...(c.choose ? { eventNames: c.choose } : {}),
      });
      assert.equal((await integrationRow(store.id))?.event_names, c.expected, c.name);
    }
  });

  test('an unknown store → 404', async () => {
    await assert.rejects(
      connectPostscript(h.database, h.clock, { storeId: 'st_nope', privateKey: GOOD_KEY, apiUrl: h.fake.url }),
      /no store st_nope/,
    );
  });
});

describe('the integration settings over HTTP', () => {
  test('the SMS side’s delays: not connected, then a Postscript without an automations API → the editor shows the caution alone', async () => {
    const store = await h.createStore();
    const delays = async () =>
      (
        await h.service.app.inject({
          method: 'GET',
          headers: h.auth(store),
          url: `/api/stores/${store.id}/integrations/postscript/sms-delays`,
        })
      ).json();
    assert.deepEqual(await delays(), { readable: false, reason: 'not_connected', automations: [] });
    await h.connect(store);
    assert.deepEqual(await delays(), { readable: false, reason: 'no_automation_api', automations: [] });
    assert.ok(h.fake.requests.some((r) => r.method === 'GET' && r.path === '/api/automations'));
  });

  test('PUT with a public key → 422 naming private_key with the seed’s advice', async () => {
    const store = await h.createStore();
    const res = await h.service.app.inject({
      method: 'PUT',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript`,
      payload: { private_key: 'pk_123' },
    });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(res.json().errors[0], { loc: ['body', 'private_key'], msg: REJECTED_KEY_MESSAGE, type: 'public_key' });
  });

  test('PUT with an unreachable api_url → 422 naming api_url', async () => {
    const store = await h.createStore();
    const res = await h.service.app.inject({
      method: 'PUT',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript`,
      payload: { private_key: GOOD_KEY, api_url: 'http://127.0.0.1:1' },
    });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(res.json().errors[0].loc, ['body', 'api_url']);
  });

  test('PUT without private_key, or with an unknown field → 400 naming it', async () => {
    const store = await h.createStore();
    const missing = await h.service.app.inject({
      method: 'PUT',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript`,
      payload: {},
    });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(missing.json().errors[0].loc, ['body', 'private_key']);
    const extra = await h.service.app.inject({
      method: 'PUT',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript`,
      payload: { private_key: GOOD_KEY, public_key: 'pk_1' },
    });
    assert.equal(extra.statusCode, 400);
    assert.deepEqual(extra.json().errors[0].loc, ['body', 'public_key']);
  });

  test('PUT (api_url defaults to the SMS platform), GET shows the key masked, DELETE disconnects', async () => {
    const store = await h.createStore();
    const put = await h.service.app.inject({
      method: 'PUT',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript`,
      payload: { private_key: GOOD_KEY },
    });
    assert.equal(put.statusCode, 200);
    assert.equal(put.json().api_url, h.fake.url);
    const get = await h.service.app.inject({
      method: 'GET',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript`,
    });
    assert.equal(get.statusCode, 200);
    assert.equal(get.json().connected, true);
    assert.equal(get.json().shop_name, 'Acme Postscript');
    assert.equal(get.json().private_key, `sk_…${GOOD_KEY.slice(-4)}`);
    assert.ok(!get.body.includes(GOOD_KEY), 'the full key never leaves');
    const del = await h.service.app.inject({
      method: 'DELETE',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript`,
    });
    assert.equal(del.statusCode, 204);
    const after = await h.service.app.inject({
      method: 'GET',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript`,
    });
    assert.deepEqual(after.json(), { connected: false, api_url: h.fake.url });
  });

  test('GET for an unknown store → 404 with a valid key, 401 without one', async () => {
    const store = await h.createStore();
    const res = await h.service.app.inject({
      method: 'GET',
      headers: h.auth(store),
      url: '/api/stores/st_missing/integrations/postscript',
    });
    assert.equal(res.statusCode, 404);
    const anonymous = await h.service.app.inject({ method: 'GET', url: '/api/stores/st_missing/integrations/postscript' });
    assert.equal(anonymous.statusCode, 401);
  });
});
