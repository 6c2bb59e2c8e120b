import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { orderPayload, type OrderInput } from '../src/dev/shopify.js';
import { startHarness, type Harness, type TestStore } from './helpers/harness.js';
import { eventsSent, onlyRequest, triggerFires } from './helpers/story.js';
import { GOOD_KEY } from './helpers/fake-postscript.js';
import { connectPostscript } from '../src/index.js';

let h: Harness;
before(async () => {
  h = await startHarness();
  h.fake.subscribers.push(
    { id: 's_jane', phone_number: '+15555550123', email: 'jane.doe@example.com', properties: {} },
    { id: 's_email_only', phone_number: '+15555550999', email: 'emailmatch@example.com', properties: {} },
  );
});
after(async () => h.close());

/** A connected store with a 0-day sequence, and one fulfilled order whose request goes out at once. */
async function sendRequest(order: OrderInput = {}): Promise<{ store: TestStore; requestId: string }> {
  const store = await h.createStore();
  await h.connect(store);
  await h.sequence(store, 0, 'fulfillment');
  await h.webhook(store, 'orders/fulfilled', orderPayload({ fulfilled: true, ...order }));
  await h.settle();
  return { store, requestId: (await onlyRequest(h, store)).id };
}

async function outbox(store: TestStore) {
  return h.database.db
    .selectFrom('postscript_outbox')
    .selectAll()
    .where('store_id', '=', store.id)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();
}

function eventCalls(requestId: string) {
  return h.fake
    .calls('POST', '/api/v2/events')
    .filter((r) => (r.body as { properties?: Record<string, unknown> }).properties?.['Review Request Id'] === requestId);
}

describe('connector: existing subscribers only', () => {
  test('a customer who is not a subscriber: rows skipped (not_a_subscriber), zero events, zero trigger fires, zero subscribers created', async () => {
    const createdBefore = h.fake.calls('POST', '/api/v2/subscribers').length;
    const { store, requestId } = await sendRequest({ customer: { email: 'stranger@example.com', phone: '+15555550777' } });
    const rows = await outbox(store);
    assert.deepEqual(
      rows.map((r) => [r.kind, r.state, r.skip_reason]),
      [
        ['event', 'skipped', 'not_a_subscriber'],
        ['trigger', 'skipped', 'not_a_subscriber'],
      ],
    );
    assert.equal(eventCalls(requestId).length, 0);
    assert.equal(triggerFires(h, requestId).length, 0);
    assert.equal(h.fake.calls('POST', '/api/v2/subscribers').length, createdBefore);
    const health = await h.service.app.inject({
      method: 'GET',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript/health`,
    });
    assert.deepEqual(health.json(), { delivered: 0, failed: 0, pending: 0, skipped: 2, skipped_not_subscriber: 2 }, 'the tile tells why');
    const lookups = h.fake.calls('GET', '/api/v2/subscribers').map((r) => r.query);
    assert.ok(lookups.some((q) => q['phone_number__eq'] === '+15555550777'));
    assert.ok(lookups.some((q) => q['email__eq'] === 'stranger@example.com'));
  });

  test('matched by email when the phone is unknown; the subscriber id is cached for the next call', async () => {
    const { store, requestId } = await sendRequest({ customer: { email: 'emailmatch@example.com', phone: '+15555550888' } });
    assert.equal(eventsSent(h, 'Review Request Created', requestId)[0]?.subscriber_id, 's_email_only');
    assert.equal(triggerFires(h, requestId)[0]?.path.endsWith('/subscribers/s_email_only'), true);
    const lookupsForEmail = h.fake.calls('GET', '/api/v2/subscribers').filter((r) => r.query['email__eq'] === 'emailmatch@example.com');
    assert.equal(lookupsForEmail.length, 1, 'second row used the cached id');
    const customer = await h.database.db.selectFrom('customers').selectAll().where('store_id', '=', store.id).executeTakeFirstOrThrow();
    assert.equal(customer.postscript_subscriber_id, 's_email_only');
  });

  test('no email on the order: "Review Request Created" cannot be valid, so it is recorded as skipped (invalid_properties) while the trigger still fires', async () => {
    const { store, requestId } = await sendRequest({ customer: { email: null, phone: '+15555550123' }, email: null });
    const rows = await outbox(store);
    assert.deepEqual(
      rows.map((r) => [r.kind, r.state, r.skip_reason]),
      [
        ['event', 'skipped', 'invalid_properties'],
        ['trigger', 'delivered', null],
      ],
    );
    assert.match(rows[0]?.last_error ?? '', /"Email Address" is required/);
    assert.equal(eventCalls(requestId).length, 0);
    assert.equal((triggerFires(h, requestId)[0]?.body as Record<string, string>)['email_address'], '');
  });

  test('a store that is not connected: rows skipped (not_connected), replayable after connecting', async () => {
    const store = await h.createStore();
    await h.sequence(store, 0, 'fulfillment');
    await h.webhook(store, 'orders/fulfilled', orderPayload({ fulfilled: true }));
    await h.settle();
    const rows = await outbox(store);
    assert.deepEqual(
      rows.map((r) => r.skip_reason),
      ['not_connected', 'not_connected'],
    );
    const health = async () =>
      (
        await h.service.app.inject({ method: 'GET', headers: h.auth(store), url: `/api/stores/${store.id}/integrations/postscript/health` })
      ).json();
    assert.deepEqual(await health(), { delivered: 0, failed: 0, pending: 0, skipped: 2, skipped_not_subscriber: 0 });
    await h.connect(store);
    for (const row of rows) {
      const res = await h.service.app.inject({
        method: 'POST',
        headers: h.auth(store),
        url: `/api/stores/${store.id}/integrations/postscript/log/${row.id}/replay`,
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().state, 'pending');
    }
    await h.settle();
    assert.deepEqual(
      (await outbox(store)).map((r) => r.state),
      ['delivered', 'delivered'],
    );
    assert.deepEqual(await health(), { delivered: 2, failed: 0, pending: 0, skipped: 0, skipped_not_subscriber: 0 });
  });
});

describe('connector: failures and retries', () => {
  test('429 with Retry-After: 30 → waits 30 s (the trigger waits behind it), then delivered once', async () => {
    h.fake.script('POST', '/api/v2/events', {
      status: 429,
      headers: { 'retry-after': '30' },
      body: { error_code: 3002, error_message: 'Rate limit exceeded', success: false },
    });
    const { store, requestId } = await sendRequest();
    let rows = await outbox(store);
    assert.deepEqual(
      rows.map((r) => [r.kind, r.state, r.attempts]),
      [
        ['event', 'pending', 1],
        ['trigger', 'pending', 0],
      ],
    );
    assert.equal(triggerFires(h, requestId).length, 0, 'per-customer order: the trigger does not overtake the event');

    h.clock.advance(29_999);
    await h.settle();
    assert.equal(eventCalls(requestId).length, 1);
    h.clock.advance(1);
    await h.settle();
    rows = await outbox(store);
    assert.deepEqual(
      rows.map((r) => [r.kind, r.state]),
      [
        ['event', 'delivered'],
        ['trigger', 'delivered'],
      ],
    );
    assert.equal(eventCalls(requestId).length, 2, 'one 429, one accepted');
    assert.equal(eventsSent(h, 'Review Request Created', requestId).length, 2);
    assert.equal(triggerFires(h, requestId).length, 1);
    const eventAt = h.fake.requests.findIndex(
      (r) =>
        r.path === '/api/v2/events' &&
        (r.body as { external_id?: string }).external_id === `${requestId}:created` &&
        h.fake.requests.indexOf(r) > 0,
    );
    const fireAt = h.fake.requests.findIndex((r) => r.headers['idempotency-key'] === `${requestId}:trigger`);
    assert.ok(eventAt < fireAt);
  });

  test('500 twice, then accepted → delivered once, after backoff', async () => {
    h.fake.script('POST', '/api/v2/events', { status: 500 }, { status: 500 });
    const { store, requestId } = await sendRequest();
    for (let i = 0; i < 10 && (await outbox(store))[0]?.state === 'pending'; i++) {
      h.clock.advance(5000);
      await h.settle();
    }
    const [event, trigger] = await outbox(store);
    assert.equal(event?.state, 'delivered');
    assert.equal(event?.attempts, 3);
    assert.equal(trigger?.state, 'delivered');
    const statuses = eventCalls(requestId).length;
    assert.equal(statuses, 3, 'two failures and one success');
    assert.equal(JSON.parse(event?.response ?? '{}').status, 202);
  });

  test('401 during delivery → the row fails for good, the integration needs attention, later calls are held until a new key is saved', async () => {
    h.fake.script('POST', '/api/v2/events', { status: 401 });
    const { store, requestId } = await sendRequest();
    let rows = await outbox(store);
    assert.deepEqual(
      rows.map((r) => [r.kind, r.state]),
      [
        ['event', 'failed'],
        ['trigger', 'pending'],
      ],
    );
    const settings = await h.service.app.inject({
      method: 'GET',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript`,
    });
    assert.equal(settings.json().status, 'needs_attention');
    assert.equal(triggerFires(h, requestId).length, 0, 'held');
    const job = await h.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', `postscript.deliver:${rows[0]?.id}:0`)
      .executeTakeFirstOrThrow();
    assert.equal(job.state, 'dead');

    const put = await h.service.app.inject({
      method: 'PUT',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript`,
      payload: { private_key: GOOD_KEY, api_url: h.fake.url },
    });
    assert.equal(put.json().status, 'connected');
    h.clock.advance(10 * 60_000);
    await h.settle();
    assert.equal(triggerFires(h, requestId).length, 1, 'the held trigger goes out once the key is fixed');
    const replay = await h.service.app.inject({
      method: 'POST',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript/log/${rows[0]?.id}/replay`,
    });
    assert.equal(replay.statusCode, 200);
    await h.settle();
    rows = await outbox(store);
    assert.deepEqual(
      rows.map((r) => r.state),
      ['delivered', 'delivered'],
    );
    assert.equal(rows[0]?.replays, 1);
  });

  test('another 4xx (400) → failed for good, visible in the delivery log, replayable', async () => {
    h.fake.script('POST', '/v1/triggers/', { status: 400, body: { errors: [{ loc: ['body'], msg: 'bad tags', type: 'value_error' }] } });
    const { store } = await sendRequest();
    const log = await h.service.app.inject({
      method: 'GET',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript/log?state=failed`,
    });
    assert.equal(log.statusCode, 200);
    const entries = log.json().entries as { id: string; kind: string; state: string; last_error: string; response: { status: number } }[];
    assert.equal(entries.length, 1);
    assert.equal(entries[0]?.kind, 'trigger');
    assert.match(entries[0]?.last_error ?? '', /Postscript answered 400/);
    assert.equal(entries[0]?.response.status, 400);

    const all = await h.service.app.inject({
      method: 'GET',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript/log`,
    });
    assert.deepEqual(
      (all.json().entries as { kind: string; state: string }[]).map((e) => [e.kind, e.state]),
      [
        ['trigger', 'failed'],
        ['event', 'delivered'],
      ],
    );

    const replay = await h.service.app.inject({
      method: 'POST',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript/log/${entries[0]?.id}/replay`,
    });
    assert.equal(replay.statusCode, 200);
    await h.settle();
    const after = await h.service.app.inject({
      method: 'GET',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript/log?state=delivered`,
    });
    assert.equal(after.json().entries.length, 2);
  });

  test('replaying a delivered call → 409; an unknown one → 404; a bad state filter → 400 naming it', async () => {
    const { store } = await sendRequest();
    const [row] = await outbox(store);
    const again = await h.service.app.inject({
      method: 'POST',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript/log/${row?.id}/replay`,
    });
    assert.equal(again.statusCode, 409);
    const missing = await h.service.app.inject({
      method: 'POST',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript/log/out_nope/replay`,
    });
    assert.equal(missing.statusCode, 404);
    const bad = await h.service.app.inject({
      method: 'GET',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript/log?state=lost`,
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().errors[0].loc.slice(0, 2), ['query', 'state']);
  });

  test('a cached subscriber Postscript no longer knows is looked up again', async () => {
    const customer = { id: 4242, email: 'gone@example.com', phone: '+15555550123' };
    const { store } = await sendRequest({ customer });
    await h.database.db.updateTable('customers').set({ postscript_subscriber_id: 's_deleted' }).where('store_id', '=', store.id).execute();
    await h.webhook(store, 'orders/fulfilled', orderPayload({ fulfilled: true, customer }));
    await h.settle();
    const rows = await outbox(store);
    assert.deepEqual(
      rows.map((r) => r.state),
      ['delivered', 'delivered', 'delivered', 'delivered'],
    );
    const stored = await h.database.db.selectFrom('customers').selectAll().where('store_id', '=', store.id).executeTakeFirstOrThrow();
    assert.equal(stored.postscript_subscriber_id, 's_jane');
    const triggerKeys = new Set(rows.filter((r) => r.kind === 'trigger').map((r) => r.external_id));
    const fired = h.fake.calls('POST', '/v1/triggers/').filter((r) => triggerKeys.has(String(r.headers['idempotency-key'])));
    assert.deepEqual(
      fired.map((r) => r.path.split('/').at(-1)).sort(),
      ['s_deleted', 's_jane', 's_jane'],
      'the stale id got a 404, then the fresh one was used',
    );
  });
});

describe('connector: event names on the wire', () => {
  test('against real Postscript (the default for a non-Rapport API) events go out Postscript-safe: review_request_created', async () => {
    const store = await h.createStore();
    await connectPostscript(h.database, h.clock, { storeId: store.id, privateKey: GOOD_KEY, apiUrl: h.fake.url });
    await h.sequence(store, 0, 'fulfillment');
    await h.webhook(store, 'orders/fulfilled', orderPayload({ fulfilled: true }));
    await h.settle();
    const requestId = (await onlyRequest(h, store)).id;
    assert.equal(eventsSent(h, 'review_request_created', requestId).length, 1);
    assert.equal(eventsSent(h, 'Review Request Created', requestId).length, 0);
    // The outbox keeps the seed's name (what the merchant reads in the delivery log); only the wire differs.
    assert.deepEqual(
      (await outbox(store)).map((r) => r.name),
      ['Review Request Created', 'Okendo Review Request'],
    );
  });
});
