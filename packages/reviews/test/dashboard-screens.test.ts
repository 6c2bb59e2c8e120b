/**
 * The reviews dashboard's read routes, as the seed's stories: the Orders screen says why an order was not
 * recruited (not paid, not fully fulfilled, no contact, fulfilled before the sequence started, no sequence
 * running …) or when its request goes out; Reviews filter by rating and sentiment and show their order;
 * a customer's profile shows their reviews, timeline and the Okendo properties as last synced to Postscript;
 * the home page counts per calendar day of the store's zone; the Shopify panel lists the URL and topics.
 */
import assert from 'node:assert/strict';
import { PROFILE_DEBOUNCE_MS } from '../src/integrations/postscript/profile-push.js';
import { after, before, describe, test } from 'node:test';
import { orderPayload, refundPayload, type OrderInput } from '../src/dev/shopify.js';
import type {
  CustomerProfileView,
  OrderDetailView,
  OrderReviewStatus,
  OrderView,
  ReviewDetailView,
  ReviewView,
} from '../src/schemas/index.js';
import type { ShopifyConnectionView, StoreStatsView } from '../src/schemas/index.js';
import { DAY, PUBLIC_URL, START, startHarness, type Harness, type TestStore } from './helpers/harness.js';
// After the harness (the service's modules first: the topic table's imports form a cycle through the jobs).
import { TOPIC_NAMES } from '../src/shopify/topics.js';
import { onlyRequest } from './helpers/story.js';

let h: Harness;
before(async () => {
  h = await startHarness();
  h.fake.subscribers.push({ id: 's_jane', phone_number: '+15555550123', email: 'jane.doe@example.com', properties: {} });
});
after(async () => h.close());

async function get<T>(store: TestStore, path: string): Promise<T> {
  const res = await h.service.app.inject({ method: 'GET', url: `/api/stores/${store.id}${path}`, headers: h.auth(store) });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as T;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
async function writeReview(token: string, productId: string, fields: { rating: number; body: string; title?: string }): Promise<void> {
  const res = await h.service.app.inject({
    method: 'POST',
    url: `/r/${token}`,
    headers: FORM,
    payload: new URLSearchParams({
      product_id: productId,
      rating: String(fields.rating),
      body: fields.body,
      title: fields.title ?? '',
      recommend: 'yes',
    }).toString(),
  });
  assert.equal(res.statusCode, 200, res.body);
}

/** Only the facts the Orders screen reads, without the ids. */
function statusFacts(s: OrderReviewStatus): Record<string, unknown> {
  if (s.state === 'not_recruited') return { state: s.state, reason: s.reason };
  return { state: s.state, due_at: s.due_at, cancel_reason: s.cancel_reason, sent: s.sent_at !== null };
}

const EARLIER = new Date(START.getTime() - 2 * DAY);

describe('Orders: each order with its review-request state, or why it was not recruited', () => {
  const cases: {
    name: string;
    sequence: { waitDays: number } | null;
    /** The order's payload, then the topics Shopify sends about it (a refund names the order). */
    order: OrderInput;
    topics: string[];
    advance?: number;
    expected: Record<string, unknown>;
  }[] = [
    {
      name: 'an unpaid order, fulfilled: not recruited, not paid',
      sequence: { waitDays: 3 },
      order: { fulfilled: true, financialStatus: 'pending' },
      topics: ['orders/fulfilled'],
      expected: { state: 'not_recruited', reason: 'not_paid' },
    },
    {
      name: 'a paid order not yet shipped: not recruited, not fully fulfilled',
      sequence: { waitDays: 3 },
      order: {},
      topics: ['orders/paid'],
      expected: { state: 'not_recruited', reason: 'not_fulfilled' },
    },
    {
      name: 'a guest order with neither email nor phone: not recruited, no contact',
      sequence: { waitDays: 3 },
      order: { fulfilled: true, customer: null, email: null, phone: null },
      topics: ['orders/fulfilled'],
      expected: { state: 'not_recruited', reason: 'no_contact' },
    },
    {
      name: 'an order fulfilled two days before the sequence started: not recruited, fulfilled before the sequence started',
      sequence: { waitDays: 3 },
      order: { fulfilled: { at: EARLIER } },
      topics: ['orders/fulfilled'],
      expected: { state: 'not_recruited', reason: 'fulfilled_before_sequence_start' },
    },
    {
      name: 'a fulfilled order while no sequence runs: not recruited, no sequence running',
      sequence: null,
      order: { fulfilled: true },
      topics: ['orders/fulfilled'],
      expected: { state: 'not_recruited', reason: 'no_sequence_running' },
    },
    {
      name: 'a cancelled order: not recruited, cancelled',
      sequence: { waitDays: 3 },
      order: { fulfilled: true, cancelledAt: START },
      topics: ['orders/cancelled'],
      expected: { state: 'not_recruited', reason: 'cancelled' },
    },
    {
      name: 'a paid, fulfilled order with a Wait of 3 days: recruited, scheduled for fulfilment + 3 days',
      sequence: { waitDays: 3 },
      order: { fulfilled: true },
      topics: ['orders/fulfilled'],
      expected: { state: 'scheduled', due_at: new Date(START.getTime() + 3 * DAY).toISOString(), cancel_reason: null, sent: false },
    },
    {
      name: 'three days later: sent',
      sequence: { waitDays: 3 },
      order: { fulfilled: true },
      topics: ['orders/fulfilled'],
      advance: 3 * DAY,
      expected: { state: 'sent', due_at: new Date(START.getTime() + 3 * DAY).toISOString(), cancel_reason: null, sent: true },
    },
    {
      name: 'refunded while scheduled: cancelled, refunded',
      sequence: { waitDays: 3 },
      order: { fulfilled: true },
      topics: ['orders/fulfilled', 'refunds/create'],
      expected: { state: 'cancelled', due_at: new Date(START.getTime() + 3 * DAY).toISOString(), cancel_reason: 'refunded', sent: false },
    },
  ];

  for (const c of cases) {
    test(c.name, async () => {
      h.clock.set(START);
      const store = await h.createStore();
      await h.connect(store);
      if (c.sequence) await h.sequence(store, c.sequence.waitDays, 'fulfillment');
      const order = orderPayload({ lineItems: [{ productId: 7001, title: 'Linen Shirt' }], ...c.order });
      for (const topic of c.topics) {
        const res = await h.webhook(store, topic, topic === 'refunds/create' ? refundPayload({ order }) : order);
        assert.equal(res.statusCode, 200, res.body);
      }
      if (c.advance) {
        h.clock.advance(c.advance);
        await h.settle();
      }
      const { orders } = await get<{ orders: OrderView[] }>(store, '/orders');
      assert.equal(orders.length, 1);
      assert.equal(orders[0]!.name, order.name);
      assert.deepEqual(statusFacts(orders[0]!.review_request), c.expected);
      const detail = await get<OrderDetailView>(store, `/orders/${orders[0]!.order_id}`);
      assert.deepEqual(statusFacts(detail.review_request), c.expected);
      assert.deepEqual(
        detail.line_items.map((li) => li.title),
        ['Linen Shirt'],
      );
    });
  }

  test('another store’s order answers 404 naming the order', async () => {
    const store = await h.createStore();
    const other = await h.createStore();
    await h.webhook(store, 'orders/paid', orderPayload());
    const { orders } = await get<{ orders: OrderView[] }>(store, '/orders');
    const res = await h.service.app.inject({
      method: 'GET',
      url: `/api/stores/${other.id}/orders/${orders[0]!.order_id}`,
      headers: h.auth(other),
    });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json().errors[0].loc, ['path', 'order_id']);
  });

  test('without a key or session the new routes answer 401', async () => {
    const store = await h.createStore();
    for (const path of ['/orders', '/customers', '/stats', '/shopify', '/reviews']) {
      const res = await h.service.app.inject({ method: 'GET', url: `/api/stores/${store.id}${path}` });
      assert.equal(res.statusCode, 401, path);
    }
  });
});

describe('Reviews and Customers: Jane reviews two products; Lena, not a subscriber, reviews one', () => {
  let store: TestStore;
  before(async () => {
    h.clock.set(START);
    store = await h.createStore();
    await h.connect(store);
    await h.sequence(store, 0, 'fulfillment');
    await h.webhook(
      store,
      'orders/fulfilled',
      orderPayload({
        number: 2001,
        fulfilled: true,
        customer: { email: 'jane.doe@example.com', phone: '+15555550123', firstName: 'Jane', lastName: 'Doe' },
        lineItems: [
          { productId: 7301, title: 'Linen Shirt' },
          { productId: 7302, title: 'Canvas Tote' },
        ],
      }),
    );
    await h.webhook(
      store,
      'orders/fulfilled',
      orderPayload({
        number: 2002,
        fulfilled: true,
        customer: { email: 'lena@example.com', phone: '+12125550161', firstName: 'Lena', lastName: 'Park' },
        lineItems: [{ productId: 7303, title: 'Wool Beanie' }],
      }),
    );
    await h.settle();
    const requests = await h.database.db
      .selectFrom('review_requests')
      .selectAll()
      .where('store_id', '=', store.id)
      .orderBy('created_at')
      .execute();
    const orders = await h.database.db.selectFrom('orders').select(['id', 'name']).where('store_id', '=', store.id).execute();
    const tokenOf = (name: string) => requests.find((r) => r.order_id === orders.find((o) => o.name === name)!.id)!.token;
    await writeReview(tokenOf('#2001'), '7301', { rating: 5, body: 'I love it, wonderful fabric and a perfect fit.' });
    h.clock.advance(60_000);
    await writeReview(tokenOf('#2001'), '7302', { rating: 2, body: 'Terrible stitching, awful. It broke after a week.' });
    h.clock.advance(60_000);
    await writeReview(tokenOf('#2002'), '7303', { rating: 5, body: 'Warm, soft and great. I like it a lot.' });
    await h.settle();
    // The profile patches are debounced: they go out PROFILE_DEBOUNCE_MS after the last review.
    h.clock.advance(PROFILE_DEBOUNCE_MS);
    await h.settle();
  });

  test('the list filters by rating and by sentiment', async () => {
    const list = async (query: string) =>
      (await get<{ reviews: ReviewView[] }>(store, `/reviews${query}`)).reviews.map((r) => r.product_title);
    const cases = [
      { name: 'all, newest first', query: '', expected: ['Wool Beanie', 'Canvas Tote', 'Linen Shirt'] },
      { name: 'rating 5', query: '?rating=5', expected: ['Wool Beanie', 'Linen Shirt'] },
      { name: 'rating 2', query: '?rating=2', expected: ['Canvas Tote'] },
      { name: 'negative', query: '?sentiment=negative', expected: ['Canvas Tote'] },
      { name: 'positive and 5 stars', query: '?sentiment=positive&rating=5', expected: ['Wool Beanie', 'Linen Shirt'] },
      { name: 'mixed: none', query: '?sentiment=mixed', expected: [] },
    ];
    for (const c of cases) assert.deepEqual(await list(c.query), c.expected, c.name);
    const bad = await h.service.app.inject({ method: 'GET', url: `/api/stores/${store.id}/reviews?rating=6`, headers: h.auth(store) });
    assert.equal(bad.statusCode, 400);
  });

  test('a review’s page shows its order number and fulfilment, and its reviewer', async () => {
    const { reviews } = await get<{ reviews: ReviewView[] }>(store, '/reviews?sentiment=negative');
    const detail = await get<ReviewDetailView>(store, `/reviews/${reviews[0]!.review_id}`);
    assert.equal(detail.review.rating, 2);
    assert.equal(detail.review.sentiment, 'negative');
    assert.deepEqual(detail.customer, { customer_id: reviews[0]!.customer_id, name: 'Jane Doe', email: 'jane.doe@example.com' });
    assert.deepEqual(detail.order, {
      order_id: detail.order!.order_id,
      name: '#2001',
      order_number: '2001',
      fulfillment_status: 'fulfilled',
      fulfilled_at: START.toISOString(),
      delivered_at: null,
    });
    const missing = await h.service.app.inject({ method: 'GET', url: `/api/stores/${store.id}/reviews/rev_nope`, headers: h.auth(store) });
    assert.equal(missing.statusCode, 404);
  });

  test('Jane’s profile: her two reviews, her order, her timeline, and the Okendo properties Postscript received', async () => {
    const { customers } = await get<{ customers: { customer_id: string; name: string | null; review_count: number }[] }>(
      store,
      '/customers?search=jane',
    );
    assert.deepEqual(
      customers.map((c) => ({ name: c.name, reviews: c.review_count })),
      [{ name: 'Jane Doe', reviews: 2 }],
    );
    const profile = await get<CustomerProfileView>(store, `/customers/${customers[0]!.customer_id}`);
    assert.equal(profile.email, 'jane.doe@example.com');
    assert.equal(profile.phone, '+15555550123');
    assert.deepEqual(
      profile.reviews.map((r) => r.product_title),
      ['Canvas Tote', 'Linen Shirt'],
    );
    assert.deepEqual(
      profile.orders.map((o) => o.name),
      ['#2001'],
    );
    assert.deepEqual(
      profile.timeline.map((t) => t.type),
      ['review.created', 'review.created', 'review_request.sent'],
    );
    assert.equal(profile.postscript.last_call?.state, 'delivered');
    assert.equal(profile.postscript.synced_at, profile.postscript.last_call?.delivered_at);
    // The newest patch wins: after the 2-star review, two reviews averaging 3.5, the latest negative.
    assert.deepEqual(profile.postscript.synced_properties, {
      'Okendo Given Name': 'Jane',
      'Okendo Family Name': 'Doe',
      'Okendo Number of Reviews': 2,
      'Okendo Average Review Rating': 3.5,
      'Okendo Latest Review Rating': 2,
      'Okendo Average Review Sentiment': profile.postscript.synced_properties['Okendo Average Review Sentiment'],
      'Okendo Latest Review Sentiment': 'negative',
    });
  });

  test('Lena is not an SMS subscriber: her profile call was skipped, nothing synced', async () => {
    const { customers } = await get<{ customers: { customer_id: string }[] }>(store, '/customers?search=lena');
    const profile = await get<CustomerProfileView>(store, `/customers/${customers[0]!.customer_id}`);
    assert.equal(profile.name, 'Lena Park');
    assert.deepEqual(
      profile.reviews.map((r) => r.rating),
      [5],
    );
    assert.equal(profile.postscript.last_call?.state, 'skipped');
    assert.equal(profile.postscript.last_call?.skip_reason, 'not_a_subscriber');
    assert.deepEqual(profile.postscript.synced_properties, {});
    assert.equal(profile.postscript.synced_at, null);
  });

  test('search matches the start of an email, a name or a phone', async () => {
    const names = async (search: string) =>
      (await get<{ customers: { name: string | null }[] }>(store, `/customers?search=${encodeURIComponent(search)}`)).customers.map(
        (c) => c.name,
      );
    const cases = [
      { name: 'email', search: 'lena@', expected: ['Lena Park'] },
      { name: 'last name, any case', search: 'DOE', expected: ['Jane Doe'] },
      { name: 'phone without +', search: '1212555', expected: ['Lena Park'] },
      { name: 'nobody', search: 'zz', expected: [] },
      { name: 'a % is literal', search: '%', expected: [] },
      { name: 'an _ is literal', search: 'len_', expected: [] },
      { name: 'a backslash is literal', search: 'lena\\', expected: [] },
    ];
    for (const c of cases) assert.deepEqual(await names(c.search), c.expected, c.name);
  });
});

describe('Home page charts: per calendar day in the store’s time zone', () => {
  test('New York: reviews at 23:30 and 00:30 local fall on two days (both on one UTC day); sync calls by state', async () => {
    h.clock.set(START);
    const store = await h.createStore();
    await h.database.db.updateTable('stores').set({ time_zone: 'America/New_York' }).where('id', '=', store.id).execute();
    await h.connect(store);
    await h.sequence(store, 0, 'fulfillment');
    await h.webhook(
      store,
      'orders/fulfilled',
      orderPayload({
        fulfilled: true,
        customer: { email: 'jane.doe@example.com', phone: '+15555550123', firstName: 'Jane', lastName: 'Doe' },
        lineItems: [
          { productId: 7401, title: 'Mug' },
          { productId: 7402, title: 'Kettle' },
        ],
      }),
    );
    await h.settle();
    const request = await onlyRequest(h, store);
    h.clock.set(new Date('2026-03-03T04:30:00.000Z')); // 23:30 on 2 March in New York
    await writeReview(request.token, '7401', { rating: 5, body: 'I love it, wonderful.' });
    h.clock.set(new Date('2026-03-03T05:30:00.000Z')); // 00:30 on 3 March
    await writeReview(request.token, '7402', { rating: 1, body: 'Terrible, awful, it broke.' });
    await h.settle();

    const stats = await get<StoreStatsView>(store, '/stats?days=30');
    assert.equal(stats.to, '2026-03-03');
    assert.equal(stats.from, '2026-02-02');
    assert.equal(stats.time_zone, 'America/New_York');
    assert.deepEqual(stats.reviews, [
      { day: '2026-03-02', key: 'positive', count: 1 },
      { day: '2026-03-03', key: 'negative', count: 1 },
    ]);
    const calls = await h.database.db
      .selectFrom('postscript_outbox')
      .select(['state', 'created_at'])
      .where('store_id', '=', store.id)
      .execute();
    const expected = new Map<string, number>();
    for (const c of calls) {
      const day = c.created_at < '2026-03-03T05:00:00.000Z' ? '2026-03-02' : '2026-03-03';
      expected.set(`${day} ${c.state}`, (expected.get(`${day} ${c.state}`) ?? 0) + 1);
    }
    assert.ok(calls.length >= 4, `calls: ${calls.length}`);
    assert.deepEqual(new Map(stats.sync_calls.map((s) => [`${s.day} ${s.key}`, s.count])), expected);

    const week = await get<StoreStatsView>(store, '/stats?days=1');
    assert.deepEqual(week.reviews, [{ day: '2026-03-03', key: 'negative', count: 1 }]);
    const bad = await h.service.app.inject({ method: 'GET', url: `/api/stores/${store.id}/stats?days=0`, headers: h.auth(store) });
    assert.equal(bad.statusCode, 400);
  });
});

describe('Shopify connection', () => {
  test('the webhook URL is built from the public URL; the topics are the topic table’s', async () => {
    const store = await h.createStore();
    const view = await get<ShopifyConnectionView>(store, '/shopify');
    assert.deepEqual(view, {
      shop_domain: store.domain,
      webhook_url: `${PUBLIC_URL}/webhooks/shopify`,
      format: 'json',
      topics: [...TOPIC_NAMES],
    });
    assert.ok(view.topics.includes('orders/fulfilled') && view.topics.includes('refunds/create'));
  });
});
