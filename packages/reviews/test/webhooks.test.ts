import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { orderPayload, signShopifyWebhook, webhookRequest } from '../src/dev/shopify.js';
import { startHarness, tableCounts, type Harness } from './helpers/harness.js';

let h: Harness;
before(async () => {
  h = await startHarness();
  h.fake.subscribers.push({ id: 's_jane', phone_number: '+15555550123', email: 'jane.doe@example.com', properties: {} });
});
after(async () => h.close());

describe('Shopify webhooks: authenticity', () => {
  test('a correctly signed orders/create is accepted and the order stored', async () => {
    const store = await h.createStore();
    const order = orderPayload({ number: 1001 });
    const res = await h.webhook(store, 'orders/create', order);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'processed');
    const row = await h.database.db.selectFrom('orders').selectAll().where('store_id', '=', store.id).executeTakeFirstOrThrow();
    assert.equal(row.name, '#1001');
    assert.equal(row.shopify_order_id, String(order.id));
    assert.equal(row.phone, '+15555550123');
  });

  const forgeries: { name: string; request: (store: { secret: string; domain: string }) => ReturnType<typeof webhookRequest> }[] = [
    {
      name: 'no signature header',
      request: (s) =>
        webhookRequest({ secret: s.secret, shopDomain: s.domain, topic: 'orders/create', payload: orderPayload(), signature: null }),
    },
    {
      name: 'signed with another secret',
      request: (s) => webhookRequest({ secret: 'not-the-secret', shopDomain: s.domain, topic: 'orders/create', payload: orderPayload() }),
    },
    {
      name: 'body changed after signing',
      request: (s) => {
        const original = JSON.stringify(orderPayload({ number: 2001 }));
        const req = webhookRequest({
          secret: s.secret,
          shopDomain: s.domain,
          topic: 'orders/create',
          payload: original.replace('#2001', '#2002'),
        });
        req.headers['x-shopify-hmac-sha256'] = signShopifyWebhook(s.secret, original);
        return req;
      },
    },
    {
      name: 'signature that is not base64 of a digest',
      request: (s) =>
        webhookRequest({ secret: s.secret, shopDomain: s.domain, topic: 'orders/create', payload: orderPayload(), signature: 'abc' }),
    },
    {
      name: 'unknown shop domain',
      request: (s) =>
        webhookRequest({ secret: s.secret, shopDomain: 'someone-else.myshopify.com', topic: 'orders/create', payload: orderPayload() }),
    },
    {
      name: 'wrong secret on a malformed body (authenticity is checked before parsing: 401, not 400)',
      request: (s) => webhookRequest({ secret: 'wrong', shopDomain: s.domain, topic: 'orders/create', payload: '{not json' }),
    },
  ];
  for (const forgery of forgeries) {
    test(`refused with 401 and nothing changes: ${forgery.name}`, async () => {
      const store = await h.createStore();
      const beforeCounts = await tableCounts(h.database);
      const req = forgery.request(store);
      const res = await h.service.app.inject({ method: 'POST', url: req.url, headers: req.headers, payload: req.body });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().errors[0].type, 'unauthorized');
      assert.deepEqual(await tableCounts(h.database), beforeCounts);
    });
  }
});

describe('Shopify webhooks: de-duplication and validation', () => {
  test('the same fulfilled order delivered 3× (twice the same webhook id, once as orders/updated) → one request, one event, one trigger fire', async () => {
    const store = await h.createStore();
    await h.connect(store);
    await h.sequence(store, 0, 'fulfillment');
    const order = orderPayload({ fulfilled: true });
    const first = await h.webhook(store, 'orders/fulfilled', order, { webhookId: 'wh-1' });
    const replay = await h.webhook(store, 'orders/fulfilled', order, { webhookId: 'wh-1' });
    const updated = await h.webhook(store, 'orders/updated', order, { webhookId: 'wh-2' });
    assert.deepEqual([first.json().status, replay.json().status, updated.json().status], ['processed', 'duplicate', 'processed']);
    await h.settle();

    const requests = await h.database.db.selectFrom('review_requests').selectAll().where('store_id', '=', store.id).execute();
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.state, 'sent');
    const events = h.fake
      .calls('POST', '/api/v2/events')
      .filter((r) => (r.body as { properties: Record<string, unknown> }).properties['Review Request Id'] === requests[0]?.id);
    assert.equal(events.length, 1);
    const fires = h.fake.calls('POST', '/v1/triggers/').filter((r) => r.headers['idempotency-key'] === `${requests[0]?.id}:trigger`);
    assert.equal(fires.length, 1);
  });

  test('malformed JSON with a valid signature → 400 json_invalid, nothing stored', async () => {
    const store = await h.createStore();
    const beforeCounts = await tableCounts(h.database);
    const res = await h.webhook(store, 'orders/create', '{"id": 1, "name": ');
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().errors[0].loc, ['body']);
    assert.equal(res.json().errors[0].type, 'json_invalid');
    assert.deepEqual(await tableCounts(h.database), beforeCounts);
  });

  const invalid: { name: string; topic: string; payload: () => unknown; locs: (string | number)[][] }[] = [
    {
      name: 'order without name, line item without title',
      topic: 'orders/create',
      payload: () => {
        const o = orderPayload() as Record<string, unknown>;
        delete o['name'];
        const li = (o['line_items'] as Record<string, unknown>[])[0] as Record<string, unknown>;
        delete li['title'];
        return o;
      },
      locs: [
        ['body', 'name'],
        ['body', 'line_items', 0, 'title'],
      ],
    },
    { name: 'order id is not an id', topic: 'orders/paid', payload: () => ({ ...orderPayload(), id: 'abc' }), locs: [['body', 'id']] },
    {
      name: 'fulfilment without order_id',
      topic: 'fulfillments/create',
      payload: () => ({ id: 5, status: 'success' }),
      locs: [['body', 'order_id']],
    },
    { name: 'refund without order_id', topic: 'refunds/create', payload: () => ({ id: 7 }), locs: [['body', 'order_id']] },
    {
      name: 'line items not an array',
      topic: 'orders/updated',
      payload: () => ({ ...orderPayload(), line_items: 'none' }),
      locs: [['body', 'line_items']],
    },
  ];
  for (const c of invalid) {
    test(`missing or malformed fields → 400 naming them: ${c.name}`, async () => {
      const store = await h.createStore();
      const beforeCounts = await tableCounts(h.database);
      const res = await h.webhook(store, c.topic, c.payload());
      assert.equal(res.statusCode, 400);
      const locs = (res.json().errors as { loc: (string | number)[] }[]).map((e) => e.loc);
      for (const loc of c.locs)
        assert.ok(
          locs.some((l) => JSON.stringify(l) === JSON.stringify(loc)),
          `expected ${JSON.stringify(loc)} in ${JSON.stringify(locs)}`,
        );
      assert.deepEqual(await tableCounts(h.database), beforeCounts);
    });
  }

  test('a webhook without X-Shopify-Webhook-Id → 400 naming the header', async () => {
    const store = await h.createStore();
    const req = webhookRequest({ secret: store.secret, shopDomain: store.domain, topic: 'orders/create', payload: orderPayload() });
    delete req.headers['x-shopify-webhook-id'];
    const res = await h.service.app.inject({ method: 'POST', url: req.url, headers: req.headers, payload: req.body });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().errors[0].loc, ['header', 'x-shopify-webhook-id']);
  });

  test('an unknown topic is acknowledged (200), recorded as ignored, and has no other effect', async () => {
    const store = await h.createStore();
    const res = await h.webhook(store, 'products/update', { id: 1, title: 'Shirt' }, { webhookId: 'wh-products-1' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ignored');
    const rows = await h.database.db.selectFrom('shopify_webhooks').selectAll().where('store_id', '=', store.id).execute();
    assert.deepEqual(
      rows.map((r) => [r.webhook_id, r.topic, r.outcome]),
      [['wh-products-1', 'products/update', 'ignored']],
    );
  });

  test('customers/update records the customer’s contact details', async () => {
    const store = await h.createStore();
    const res = await h.webhook(store, 'customers/update', {
      id: 99,
      email: 'Sam@Example.com',
      phone: '(415) 555-0100',
      first_name: 'Sam',
      last_name: 'Lee',
      default_address: { country_code: 'US', province_code: 'NY' },
    });
    assert.equal(res.statusCode, 200);
    const c = await h.database.db.selectFrom('customers').selectAll().where('store_id', '=', store.id).executeTakeFirstOrThrow();
    assert.deepEqual(
      [c.shopify_customer_id, c.email, c.phone, c.first_name, c.zone_code],
      ['99', 'sam@example.com', '+14155550100', 'Sam', 'NY'],
    );
  });
});
