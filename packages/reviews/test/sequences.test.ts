import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fulfillmentPayload, orderPayload, refundPayload } from '../src/dev/shopify.js';
import { DAY, PUBLIC_URL, startHarness, type Harness, type TestStore } from './helpers/harness.js';
import { eventsSent, onlyRequest, requestsOf, triggerFires } from './helpers/story.js';

let h: Harness;
before(async () => {
  h = await startHarness();
  h.fake.subscribers.push({ id: 's_jane', phone_number: '+15555550123', email: 'jane.doe@example.com', properties: {} });
});
after(async () => h.close());

async function connectedStore(waitDays: number, after: 'fulfillment' | 'delivery'): Promise<TestStore> {
  const store = await h.createStore();
  await h.connect(store);
  await h.sequence(store, waitDays, after);
  return store;
}

const TEN_PROPERTIES = [
  'Email Address',
  'First Name',
  'Last Name',
  'Name',
  'Image Url',
  'Order Fulfilled Date',
  'Order Number',
  'Review Request Id',
  'Review Url',
  'Variant Name',
];

describe('sequence: wait N days after fulfilment', () => {
  test('N=3: nothing at +3d−1ms; at +3d "Review Request Created" with all ten properties and one trigger fire', async () => {
    const store = await connectedStore(3, 'fulfillment');
    const fulfilledAt = h.clock.now();
    const order = orderPayload({
      number: 1001,
      fulfilled: true,
      lineItems: [{ productId: 7001, variantId: 8001, title: 'Linen Shirt', variantTitle: 'Blue / M' }],
    });
    await h.webhook(store, 'orders/paid', { ...order, fulfillment_status: null, fulfillments: [] });
    assert.equal((await requestsOf(h, store)).length, 0, 'paid but unfulfilled: not recruited');
    await h.webhook(store, 'orders/fulfilled', order);
    const request = await onlyRequest(h, store);
    assert.equal(request.state, 'scheduled');
    assert.equal(request.due_at, new Date(fulfilledAt.getTime() + 3 * DAY).toISOString());

    h.clock.advance(3 * DAY - 1);
    await h.settle();
    assert.equal((await onlyRequest(h, store)).state, 'scheduled');
    assert.equal(eventsSent(h, 'Review Request Created', request.id).length, 0);
    assert.equal(triggerFires(h, request.id).length, 0);

    h.clock.advance(1);
    await h.settle();
    assert.equal((await onlyRequest(h, store)).state, 'sent');
    const [event, ...more] = eventsSent(h, 'Review Request Created', request.id);
    assert.ok(event);
    assert.equal(more.length, 0);
    assert.deepEqual(Object.keys(event.properties).sort(), [...TEN_PROPERTIES].sort());
    assert.deepEqual(event.properties, {
      'Email Address': 'jane.doe@example.com',
      'First Name': 'Jane',
      'Last Name': 'Doe',
      Name: 'Linen Shirt',
      'Image Url': `${PUBLIC_URL}/storefront/${store.id}/products/7001/image`,
      'Order Fulfilled Date': fulfilledAt.toISOString(),
      'Order Number': '#1001',
      'Review Request Id': request.id,
      'Review Url': `${PUBLIC_URL}/r/${request.token}`,
      'Variant Name': 'Blue / M',
    });
    assert.equal(event.subscriber_id, 's_jane');
    assert.equal(event.external_id, `${request.id}:created`);

    const [fire, ...moreFires] = triggerFires(h, request.id);
    assert.ok(fire);
    assert.equal(moreFires.length, 0);
    const integration = await h.database.db
      .selectFrom('postscript_integrations')
      .selectAll()
      .where('store_id', '=', store.id)
      .executeTakeFirstOrThrow();
    assert.equal(fire.path, `/v1/triggers/${integration.trigger_id}/subscribers/s_jane`);
    assert.deepEqual(fire.body, {
      review_url: `${PUBLIC_URL}/r/${request.token}`,
      first_name: 'Jane',
      last_name: 'Doe',
      name: 'Linen Shirt',
      order_number: '#1001',
      image_url: `${PUBLIC_URL}/storefront/${store.id}/products/7001/image`,
      variant_name: 'Blue / M',
      email_address: 'jane.doe@example.com',
      order_fulfilled_date: fulfilledAt.toISOString(),
      review_request_id: request.id,
      // Not merge tags: the sequence's Wait, declared so the SMS editor can warn about waiting twice.
      okendo_sequence_wait_days: '3',
      okendo_sequence_wait_after: 'fulfillment',
    });

    const image = await h.service.app.inject({ method: 'GET', url: `/storefront/${store.id}/products/7001/image` });
    assert.equal(image.statusCode, 200);
    assert.match(image.headers['content-type'] as string, /^image\/svg\+xml/);
    assert.match(image.body, /Linen Shirt/);
  });

  test('an order of several products: Name is the first product, the Review Url lists them all', async () => {
    const store = await connectedStore(0, 'fulfillment');
    const order = orderPayload({
      fulfilled: true,
      lineItems: [
        { productId: 7101, title: 'Wool Socks', variantTitle: null },
        { productId: 7102, title: 'Canvas Tote' },
        { productId: null, title: 'Gift wrapping' },
      ],
    });
    await h.webhook(store, 'orders/fulfilled', order);
    await h.settle();
    const request = await onlyRequest(h, store);
    const [event] = eventsSent(h, 'Review Request Created', request.id);
    assert.equal(event?.properties['Name'], 'Wool Socks');
    assert.equal('Variant Name' in (event?.properties ?? {}), false, 'no variant: the optional property is left out');
    const page = await h.service.app.inject({ method: 'GET', url: `/r/${request.token}` });
    assert.match(page.body, /Wool Socks/);
    assert.match(page.body, /Canvas Tote/);
    assert.doesNotMatch(page.body, /Gift wrapping/);
  });

  test('partial fulfilments: recruited only when the last item ships, anchored on that fulfilment', async () => {
    const store = await connectedStore(1, 'fulfillment');
    const order = orderPayload({
      lineItems: [
        { productId: 7201, title: 'Mug' },
        { productId: 7202, title: 'Kettle' },
      ],
    });
    const [mug, kettle] = order.line_items;
    await h.webhook(store, 'orders/paid', order);
    await h.webhook(store, 'fulfillments/create', fulfillmentPayload({ order, lineItems: [{ id: mug!.id, quantity: 1 }] }));
    assert.equal((await requestsOf(h, store)).length, 0, 'partially fulfilled: not yet');
    h.clock.advance(2 * DAY);
    const secondShippedAt = h.clock.now();
    await h.webhook(store, 'fulfillments/create', fulfillmentPayload({ order, lineItems: [{ id: kettle!.id, quantity: 1 }] }));
    const request = await onlyRequest(h, store);
    assert.equal(request.fulfilled_at, secondShippedAt.toISOString());
    assert.equal(request.due_at, new Date(secondShippedAt.getTime() + DAY).toISOString());
  });
});

describe('sequence: wait N days after delivery', () => {
  test('N=2: due moves to delivered + 2 days when delivery is reported', async () => {
    const store = await connectedStore(2, 'delivery');
    const order = orderPayload({ fulfilled: true });
    await h.webhook(store, 'orders/fulfilled', order);
    const scheduled = await onlyRequest(h, store);
    assert.equal(scheduled.due_basis, 'delivery_fallback');

    h.clock.advance(DAY);
    const deliveredAt = h.clock.now();
    const fulfillmentId = order.fulfillments![0]!.id as number;
    const res = await h.webhook(
      store,
      'fulfillments/update',
      fulfillmentPayload({ order, id: fulfillmentId, shipmentStatus: 'delivered' }),
    );
    assert.equal(res.statusCode, 200);
    const moved = await onlyRequest(h, store);
    assert.equal(moved.due_basis, 'delivery');
    assert.equal(moved.delivered_at, deliveredAt.toISOString());
    assert.equal(moved.due_at, new Date(deliveredAt.getTime() + 2 * DAY).toISOString());

    h.clock.advance(2 * DAY - 1);
    await h.settle();
    assert.equal(eventsSent(h, 'Review Request Created', moved.id).length, 0);
    h.clock.advance(1);
    await h.settle();
    assert.equal(eventsSent(h, 'Review Request Created', moved.id).length, 1);
    assert.equal(triggerFires(h, moved.id).length, 1);
  });

  test('never delivered: the fallback sends at fulfilled + N + 14 days', async () => {
    const store = await connectedStore(2, 'delivery');
    const fulfilledAt = h.clock.now();
    await h.webhook(store, 'orders/fulfilled', orderPayload({ fulfilled: true }));
    const request = await onlyRequest(h, store);
    assert.equal(request.due_at, new Date(fulfilledAt.getTime() + 16 * DAY).toISOString());
    h.clock.advance(16 * DAY - 1);
    await h.settle();
    assert.equal((await onlyRequest(h, store)).state, 'scheduled');
    h.clock.advance(1);
    await h.settle();
    assert.equal((await onlyRequest(h, store)).state, 'sent');
    assert.equal(eventsSent(h, 'Review Request Created', request.id).length, 1);
  });

  test('delivery already known when the order is recruited: due at delivered + N directly', async () => {
    const store = await connectedStore(4, 'delivery');
    const now = h.clock.now();
    await h.webhook(store, 'orders/fulfilled', orderPayload({ fulfilled: { shipmentStatus: 'delivered' } }));
    const request = await onlyRequest(h, store);
    assert.equal(request.due_basis, 'delivery');
    assert.equal(request.due_at, new Date(now.getTime() + 4 * DAY).toISOString());
  });
});

describe('sequence: withdrawn before it is sent', () => {
  const withdrawals = [
    {
      name: 'refund (refunds/create)',
      topic: 'refunds/create',
      payload: (o: ReturnType<typeof orderPayload>) => refundPayload({ order: o }),
      reason: 'refunded',
    },
    {
      name: 'cancellation (orders/cancelled)',
      topic: 'orders/cancelled',
      payload: (o: ReturnType<typeof orderPayload>) => ({ ...o, cancelled_at: h.clock.now().toISOString(), financial_status: 'voided' }),
      reason: 'cancelled',
    },
  ];
  for (const w of withdrawals) {
    test(`${w.name} before the wait ends → cancelled + "Review Request Cancelled", and never "Created"`, async () => {
      const store = await connectedStore(3, 'fulfillment');
      const order = orderPayload({ fulfilled: true });
      await h.webhook(store, 'orders/fulfilled', order);
      h.clock.advance(DAY);
      const res = await h.webhook(store, w.topic, w.payload(order));
      assert.equal(res.statusCode, 200);
      const request = await onlyRequest(h, store);
      assert.equal(request.state, 'cancelled');
      assert.equal(request.cancel_reason, w.reason);
      await h.settle();
      const cancelled = eventsSent(h, 'Review Request Cancelled', request.id);
      assert.equal(cancelled.length, 1);
      assert.deepEqual(cancelled[0]?.properties, { 'Review Request Id': request.id });

      h.clock.advance(3 * DAY);
      await h.settle();
      assert.equal(eventsSent(h, 'Review Request Created', request.id).length, 0);
      assert.equal(triggerFires(h, request.id).length, 0);
      assert.equal((await onlyRequest(h, store)).state, 'cancelled');
    });
  }

  test('a refund after the request was sent leaves it sent (the customer may still review)', async () => {
    const store = await connectedStore(0, 'fulfillment');
    const order = orderPayload({ fulfilled: true });
    await h.webhook(store, 'orders/fulfilled', order);
    await h.settle();
    await h.webhook(store, 'refunds/create', refundPayload({ order }));
    await h.settle();
    const request = await onlyRequest(h, store);
    assert.equal(request.state, 'sent');
    assert.equal(eventsSent(h, 'Review Request Cancelled', request.id).length, 0);
  });

  test('editing the Wait: orders recruited afterwards wait the new days, a scheduled request keeps its time', async () => {
    const store = await h.createStore();
    await h.connect(store);
    const sequenceId = await h.sequence(store, 5, 'fulfillment');
    await h.webhook(store, 'orders/fulfilled', orderPayload({ fulfilled: true }));
    const before = await onlyRequest(h, store);
    const res = await h.service.app.inject({
      method: 'PATCH',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/sequences/${sequenceId}`,
      payload: { wait_days: 1, after: 'delivery' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().wait_days, res.json().after], [1, 'delivery']);
    assert.equal((await onlyRequest(h, store)).due_at, before.due_at, 'already scheduled: unchanged');
    const bad = await h.service.app.inject({
      method: 'PATCH',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/sequences/${sequenceId}`,
      payload: { wait_days: -1 },
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().errors[0].loc, ['body', 'wait_days']);
  });

  test('stopping the sequence withdraws its scheduled requests without telling Postscript', async () => {
    const store = await h.createStore();
    await h.connect(store);
    const sequenceId = await h.sequence(store, 5, 'fulfillment');
    await h.webhook(store, 'orders/fulfilled', orderPayload({ fulfilled: true }));
    const res = await h.service.app.inject({
      method: 'POST',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/sequences/${sequenceId}/stop`,
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'stopped');
    const request = await onlyRequest(h, store);
    assert.equal(request.state, 'cancelled');
    assert.equal(request.cancel_reason, 'sequence_stopped');
    h.clock.advance(6 * DAY);
    await h.settle();
    assert.equal(eventsSent(h, 'Review Request Cancelled', request.id).length, 0);
    assert.equal(eventsSent(h, 'Review Request Created', request.id).length, 0);
    // The domain still recorded what happened; only the Postscript integration chose to say nothing.
    const activities = await h.database.db.selectFrom('activities').selectAll().where('store_id', '=', store.id).execute();
    assert.deepEqual(
      activities.map((a) => [a.type, JSON.parse(a.data).reason]),
      [['review_request.cancelled', 'sequence_stopped']],
    );
  });
});

describe('sequence: orders that are not recruited', () => {
  const cases: { name: string; order: () => ReturnType<typeof orderPayload>; beforeSequence?: boolean }[] = [
    { name: 'not paid (financial_status pending)', order: () => orderPayload({ fulfilled: true, financialStatus: 'pending' }) },
    { name: 'already partially refunded', order: () => orderPayload({ fulfilled: true, financialStatus: 'partially_refunded' }) },
    { name: 'cancelled', order: () => orderPayload({ fulfilled: true, cancelledAt: h.clock.now() }) },
    { name: 'no email and no phone', order: () => orderPayload({ fulfilled: true, customer: null, email: null, phone: null }) },
    {
      name: 'only custom (non-catalog) items',
      order: () => orderPayload({ fulfilled: true, lineItems: [{ productId: null, title: 'Engraving' }] }),
    },
    {
      name: 'fulfilled before the sequence started',
      order: () => orderPayload({ fulfilled: { at: new Date(h.clock.now().getTime() - DAY) } }),
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const store = await connectedStore(0, 'fulfillment');
      const res = await h.webhook(store, 'orders/fulfilled', c.order());
      assert.equal(res.statusCode, 200);
      await h.settle();
      assert.equal((await requestsOf(h, store)).length, 0);
    });
  }

  test('a draft (not started) sequence recruits nothing; after Start, newly fulfilled orders are recruited', async () => {
    const store = await h.createStore();
    await h.connect(store);
    const created = await h.service.app.inject({
      method: 'POST',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/sequences`,
      payload: { wait_days: 1, after: 'fulfillment' },
    });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().status, 'draft');
    await h.webhook(store, 'orders/fulfilled', orderPayload({ fulfilled: true }));
    assert.equal((await requestsOf(h, store)).length, 0);
    const started = await h.service.app.inject({
      method: 'POST',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/sequences/${created.json().sequence_id}/start`,
    });
    assert.equal(started.json().status, 'running');
    h.clock.advance(1000);
    await h.webhook(store, 'orders/fulfilled', orderPayload({ fulfilled: true }));
    assert.equal((await requestsOf(h, store)).length, 1);
  });

  const badSequences: { body: Record<string, unknown>; loc: string[] }[] = [
    { body: { wait_days: -1, after: 'fulfillment' }, loc: ['body', 'wait_days'] },
    { body: { wait_days: 1.5, after: 'fulfillment' }, loc: ['body', 'wait_days'] },
    { body: { wait_days: 3, after: 'shipping' }, loc: ['body', 'after'] },
    { body: { after: 'delivery' }, loc: ['body', 'wait_days'] },
  ];
  for (const b of badSequences) {
    test(`creating a sequence with ${JSON.stringify(b.body)} → 400 naming ${b.loc.join('.')}`, async () => {
      const store = await h.createStore();
      const res = await h.service.app.inject({
        method: 'POST',
        headers: h.auth(store),
        url: `/api/stores/${store.id}/sequences`,
        payload: b.body,
      });
      assert.equal(res.statusCode, 400);
      assert.ok(
        (res.json().errors as { loc: string[] }[]).some((e) => e.loc.join('.') === b.loc.join('.')),
        res.body,
      );
    });
  }
});
