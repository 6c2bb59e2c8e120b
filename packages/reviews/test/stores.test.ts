import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testStorage } from '@rapport/kit';
import { createSequence, createStore, openReviewsDatabase } from '../src/index.js';
import { orderPayload } from '../src/dev/shopify.js';
import { ADMIN_TOKEN, startHarness, type Harness } from './helpers/harness.js';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => h.close());

describe('stores', () => {
  test('createStore normalises the shop domain and returns a random webhook secret and an API key kept only hashed', async () => {
    const a = await createStore(h.database, h.clock, { name: 'Acme', shopDomain: 'https://Acme-Goods.myshopify.com/admin' });
    const b = await createStore(h.database, h.clock, { name: 'Beta', shopDomain: 'beta-goods.myshopify.com' });
    assert.match(a.store_id, /^st_/);
    assert.ok(a.webhook_secret.length >= 32);
    assert.notEqual(a.webhook_secret, b.webhook_secret);
    const row = await h.database.db.selectFrom('stores').selectAll().where('id', '=', a.store_id).executeTakeFirstOrThrow();
    assert.equal(row.shop_domain, 'acme-goods.myshopify.com');
    assert.match(a.api_key, /^rk_\S{32,}$/);
    assert.notEqual(a.api_key, b.api_key);
    assert.match(row.api_key_hash ?? '', /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(row).includes(a.api_key));
  });

  const badDomains = ['', 'acme.com', 'shop.acme.com', 'acme.myshopify.com.evil.io', '-acme.myshopify.com', 'ac me.myshopify.com'];
  for (const domain of badDomains) {
    test(`POST /api/stores with shop_domain ${JSON.stringify(domain)} → 400 naming shop_domain`, async () => {
      const res = await h.service.app.inject({
        method: 'POST',
        url: '/api/stores',
        headers: h.admin(),
        payload: { name: 'X', shop_domain: domain },
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().errors[0].loc, ['body', 'shop_domain']);
    });
  }

  test('POST /api/stores → 201 with the secret and the webhook URL; the same domain again → 409', async () => {
    const res = await h.service.app.inject({
      method: 'POST',
      url: '/api/stores',
      headers: h.admin(),
      payload: { name: 'Gamma', shop_domain: 'gamma.myshopify.com' },
    });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().shop_domain, 'gamma.myshopify.com');
    assert.equal(res.json().webhook_url, 'http://reviews.test:4200/webhooks/shopify');
    assert.equal(typeof res.json().webhook_secret, 'string');
    assert.match(res.json().api_key, /^rk_/);
    const key = { apiKey: res.json().api_key as string };
    const again = await h.service.app.inject({
      method: 'POST',
      url: '/api/stores',
      headers: h.admin(),
      payload: { name: 'Gamma 2', shop_domain: 'GAMMA.myshopify.com' },
    });
    assert.equal(again.statusCode, 409);
    assert.deepEqual(again.json().errors[0].loc, ['body', 'shop_domain']);
    const one = await h.service.app.inject({ method: 'GET', headers: h.auth(key), url: `/api/stores/${res.json().store_id}` });
    assert.equal(one.json().name, 'Gamma');
    assert.equal(one.json().api_key, undefined);
    const list = await h.service.app.inject({ method: 'GET', headers: h.admin(), url: '/api/stores' });
    assert.ok((list.json().stores as { store_id: string }[]).some((s) => s.store_id === res.json().store_id));
    const missing = await h.service.app.inject({ method: 'GET', headers: h.auth(key), url: '/api/stores/st_nope' });
    assert.equal(missing.statusCode, 404);
  });

  test('POST /api/stores with a missing name or an extra field → 400 naming it', async () => {
    const missing = await h.service.app.inject({
      method: 'POST',
      url: '/api/stores',
      headers: h.admin(),
      payload: { shop_domain: 'delta.myshopify.com' },
    });
    assert.deepEqual(missing.json().errors[0].loc, ['body', 'name']);
    const extra = await h.service.app.inject({
      method: 'POST',
      url: '/api/stores',
      headers: h.admin(),
      payload: { name: 'D', shop_domain: 'delta.myshopify.com', secret: 'x' },
    });
    assert.deepEqual(extra.json().errors[0].loc, ['body', 'secret']);
  });

  test('createSequence refuses a negative wait and an unknown store', async () => {
    const s = await createStore(h.database, h.clock, { name: 'Seq', shopDomain: 'seq-store.myshopify.com' });
    await assert.rejects(
      createSequence(h.database, h.clock, { storeId: s.store_id, waitDays: -2, after: 'fulfillment', start: true }),
      /wait_days must be a whole number/,
    );
    await assert.rejects(
      createSequence(h.database, h.clock, { storeId: 'st_none', waitDays: 2, after: 'fulfillment', start: true }),
      /no store st_none/,
    );
    const ok = await createSequence(h.database, h.clock, {
      storeId: s.store_id,
      waitDays: 7,
      after: 'delivery',
      start: false,
      name: 'Delivered + 7',
    });
    const res = await h.service.app.inject({
      method: 'GET',
      headers: h.auth({ apiKey: s.api_key }),
      url: `/api/stores/${s.store_id}/sequences/${ok.sequence_id}`,
    });
    assert.deepEqual(
      [res.json().name, res.json().wait_days, res.json().after, res.json().status],
      ['Delivered + 7', 7, 'delivery', 'draft'],
    );
  });

  test('products: the merchant sets the image behind "Image Url"; a bad URL → 400 naming image_url', async () => {
    const store = await h.createStore();
    await h.webhook(store, 'orders/create', orderPayload({ lineItems: [{ productId: 5501, title: 'Desk Lamp' }] }));
    const bad = await h.service.app.inject({
      method: 'PATCH',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/products/5501`,
      payload: { image_url: 'not a url' },
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().errors[0].loc, ['body', 'image_url']);
    const ok = await h.service.app.inject({
      method: 'PATCH',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/products/5501`,
      payload: { image_url: 'https://cdn.example.com/lamp.jpg', url: 'https://acme.example/products/lamp' },
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().review_image_url, 'https://cdn.example.com/lamp.jpg');
    const image = await h.service.app.inject({ method: 'GET', url: `/storefront/${store.id}/products/5501/image` });
    assert.equal(image.statusCode, 302);
    assert.equal(image.headers.location, 'https://cdn.example.com/lamp.jpg');
    const unknown = await h.service.app.inject({
      method: 'PATCH',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/products/1`,
      payload: { url: null },
    });
    assert.equal(unknown.statusCode, 404);
  });
});

describe('admin API authentication', () => {
  const unauthorized = (res: { statusCode: number; json(): { errors: { loc: unknown; type: string }[] } }) => {
    assert.equal(res.statusCode, 401);
    assert.deepEqual(res.json().errors[0]?.loc, ['header', 'authorization']);
    assert.equal(res.json().errors[0]?.type, 'unauthorized');
  };

  test('GET /api/stores/{id}: no key or an unknown key → 401 naming the header, and the webhook secret stays unread', async () => {
    const store = await h.createStore();
    const none = await h.service.app.inject({ method: 'GET', url: `/api/stores/${store.id}` });
    unauthorized(none);
    assert.equal(none.headers['www-authenticate'], 'Bearer');
    assert.ok(!none.body.includes(store.secret));
    const unknown = await h.service.app.inject({
      method: 'GET',
      url: `/api/stores/${store.id}`,
      headers: { authorization: 'Bearer rk_nope' },
    });
    unauthorized(unknown);
    const basic = await h.service.app.inject({ method: 'GET', url: `/api/stores/${store.id}`, headers: { authorization: store.apiKey } });
    unauthorized(basic);
    const ok = await h.service.app.inject({ method: 'GET', url: `/api/stores/${store.id}`, headers: h.auth(store) });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().webhook_secret, store.secret);
  });

  test('another store’s key → 404, as if the store did not exist; nothing changes', async () => {
    const mine = await h.createStore();
    const theirs = await h.createStore();
    const headers = h.auth(theirs);
    const one = await h.service.app.inject({ method: 'GET', url: `/api/stores/${mine.id}`, headers });
    assert.equal(one.statusCode, 404);
    assert.ok(!one.body.includes(mine.secret));
    const settings = await h.service.app.inject({ method: 'GET', url: `/api/stores/${mine.id}/integrations/postscript`, headers });
    assert.equal(settings.statusCode, 404);
    const created = await h.service.app.inject({
      method: 'POST',
      url: `/api/stores/${mine.id}/sequences`,
      headers,
      payload: { wait_days: 3, after: 'fulfillment' },
    });
    assert.equal(created.statusCode, 404);
    const sequences = await h.database.db.selectFrom('sequences').selectAll().where('store_id', '=', mine.id).execute();
    assert.deepEqual(sequences, []);
  });

  test('every store route is refused without a key (before the body is validated)', async () => {
    const store = await h.createStore();
    for (const [method, path] of [
      ['PUT', '/integrations/postscript'],
      ['DELETE', '/integrations/postscript'],
      ['GET', '/integrations/postscript/log'],
      ['POST', '/integrations/postscript/log/out_x/replay'],
      ['POST', '/sequences'],
      ['GET', '/sequences'],
      ['POST', '/sequences/sq_x/start'],
      ['GET', '/review-requests'],
      ['GET', '/review-requests/rr_x'],
      ['GET', '/reviews'],
      ['GET', '/products'],
      ['PATCH', '/products/1'],
    ] as const) {
      const res = await h.service.app.inject({ method, url: `/api/stores/${store.id}${path}`, payload: {} });
      assert.equal(res.statusCode, 401, `${method} ${path}`);
    }
  });

  test('POST and GET /api/stores: the admin token missing or wrong → 401, right → 201/200', async () => {
    const payload = { name: 'Admin', shop_domain: 'admin-token.myshopify.com' };
    unauthorized(await h.service.app.inject({ method: 'POST', url: '/api/stores', payload }));
    unauthorized(
      await h.service.app.inject({ method: 'POST', url: '/api/stores', headers: { authorization: `Bearer ${ADMIN_TOKEN}x` }, payload }),
    );
    const store = await h.createStore();
    unauthorized(await h.service.app.inject({ method: 'POST', url: '/api/stores', headers: h.auth(store), payload }));
    unauthorized(await h.service.app.inject({ method: 'GET', url: '/api/stores' }));
    assert.equal((await h.service.app.inject({ method: 'POST', url: '/api/stores', headers: h.admin(), payload })).statusCode, 201);
    assert.equal((await h.service.app.inject({ method: 'GET', url: '/api/stores', headers: h.admin() })).statusCode, 200);
  });

  test('without RAPPORT_ADMIN_TOKEN, creating and listing stores → 403 pointing at the setting and the CLI', async () => {
    const bare = await startHarness({ adminToken: null });
    try {
      for (const method of ['POST', 'GET'] as const) {
        const res = await bare.service.app.inject({
          method,
          url: '/api/stores',
          headers: { authorization: 'Bearer anything' },
          ...(method === 'POST' ? { payload: { name: 'X', shop_domain: 'no-admin.myshopify.com' } } : {}),
        });
        assert.equal(res.statusCode, 403);
        assert.match(res.json().errors[0].msg, /RAPPORT_ADMIN_TOKEN/);
        assert.match(res.json().errors[0].msg, /rapport reviews create-store/);
      }
      const store = await bare.createStore();
      const one = await bare.service.app.inject({ method: 'GET', url: `/api/stores/${store.id}`, headers: bare.auth(store) });
      assert.equal(one.statusCode, 200);
    } finally {
      await bare.close();
    }
  });
});

describe('service', () => {
  test('GET /healthz', async () => {
    const res = await h.service.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', service: 'reviews', now: h.clock.now().toISOString() });
  });

  test('/docs documents every JSON route (and not the shopper pages)', async () => {
    const res = await h.service.app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(res.statusCode, 200);
    const paths = Object.keys(res.json().paths as Record<string, unknown>);
    for (const p of [
      '/api/stores',
      '/api/stores/{store_id}',
      '/api/stores/{store_id}/integrations/postscript',
      '/api/stores/{store_id}/integrations/postscript/log',
      '/api/stores/{store_id}/integrations/postscript/log/{delivery_id}/replay',
      '/api/stores/{store_id}/sequences',
      '/api/stores/{store_id}/sequences/{sequence_id}/start',
      '/api/stores/{store_id}/sequences/{sequence_id}/stop',
      '/api/stores/{store_id}/review-requests',
      '/api/stores/{store_id}/reviews',
      '/api/stores/{store_id}/products/{product_id}',
      '/webhooks/shopify',
      '/healthz',
      '/dev/clock/advance',
    ]) {
      assert.ok(paths.includes(p), `${p} missing from /docs`);
    }
    assert.ok(!paths.some((p) => p.startsWith('/r/')));
    const doc = res.json() as { paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>> };
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/stores')) continue;
      // A store's routes take its rk_ key or the dashboard's session; the install-wide ones the admin token.
      const schemes = path === '/api/stores' ? [{ adminToken: [] }] : [{ storeApiKey: [] }, { sessionCookie: [] }];
      for (const [method, op] of Object.entries(ops)) {
        assert.deepEqual(op.security, schemes, `${method.toUpperCase()} ${path} declares ${JSON.stringify(schemes)}`);
      }
    }
    for (const p of ['/api/dashboard/session', '/api/dashboard/stores', '/api/dashboard/invitations', '/api/dashboard/logout']) {
      for (const op of Object.values(doc.paths[p] ?? {})) assert.deepEqual(op.security, [{ sessionCookie: [] }], `${p} needs the session`);
    }
    assert.equal(doc.paths['/healthz']?.['get']?.security, undefined);
  });

  test('dev clock routes move the clock the worker reads', async () => {
    const before = h.clock.now().getTime();
    const res = await h.service.app.inject({ method: 'POST', url: '/dev/clock/advance', payload: { ms: 60_000 } });
    assert.equal(res.statusCode, 200);
    assert.equal(h.clock.now().getTime(), before + 60_000);
  });

  test('opening the database again migrates nothing twice', async () => {
    const storage = testStorage();
    const a = await openReviewsDatabase(storage);
    await a.close();
    const b = await openReviewsDatabase(storage);
    const rows = await b.db.selectFrom('stores').selectAll().execute();
    assert.deepEqual(rows, []);
    await b.destroyData();
    await b.close();
    await storage.cleanup();
  });
});
