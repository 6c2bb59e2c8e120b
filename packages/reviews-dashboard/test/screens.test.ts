/** The words and paths of the Reviews, Orders, Customers and Home screens (pure). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OrderReviewStatus, ProfileSync } from '@rapport/reviews/schemas';
import { activityText, lastSyncLine, propertyRows } from '../src/pages/customers/profile-sync.js';
import { SENTIMENT_SERIES, SYNC_SERIES } from '../src/pages/home-charts.js';
import { fulfillmentText, paymentText, reviewRequestSummary } from '../src/pages/orders/review-state.js';
import { reviewQuery, sentimentBadge, stars } from '../src/pages/reviews/review-labels.js';
import { storeApi } from '../src/store-api.js';

const TZ = 'America/New_York';
const request = (over: Partial<Extract<OrderReviewStatus, { review_request_id: string }>>): OrderReviewStatus => ({
  state: 'scheduled',
  review_request_id: 'rr_1',
  sequence_id: 'seq_1',
  due_at: '2026-03-05T15:00:00.000Z',
  sent_at: null,
  completed_at: null,
  cancelled_at: null,
  cancel_reason: null,
  ...over,
});

describe('an order’s review request in words', () => {
  const cases: { name: string; status: OrderReviewStatus; expected: { label: string; detail: RegExp } }[] = [
    { name: 'unpaid', status: { state: 'not_recruited', reason: 'not_paid' }, expected: { label: 'Not recruited', detail: /^not paid$/ } },
    {
      name: 'partially fulfilled',
      status: { state: 'not_recruited', reason: 'not_fulfilled' },
      expected: { label: 'Not recruited', detail: /^not fully fulfilled$/ },
    },
    {
      name: 'no contact',
      status: { state: 'not_recruited', reason: 'no_contact' },
      expected: { label: 'Not recruited', detail: /no email or phone/ },
    },
    {
      name: 'fulfilled before the sequence started',
      status: { state: 'not_recruited', reason: 'fulfilled_before_sequence_start' },
      expected: { label: 'Not recruited', detail: /^fulfilled before the sequence started$/ },
    },
    {
      name: 'no sequence running',
      status: { state: 'not_recruited', reason: 'no_sequence_running' },
      expected: { label: 'Not recruited', detail: /^no sequence running$/ },
    },
    { name: 'scheduled, in the store’s zone', status: request({}), expected: { label: 'Scheduled', detail: /^for .*10:00/ } },
    { name: 'sent', status: request({ state: 'sent', sent_at: '2026-03-05T15:00:00.000Z' }), expected: { label: 'Sent', detail: /10:00/ } },
    {
      name: 'cancelled by a refund',
      status: request({ state: 'cancelled', cancel_reason: 'refunded' }),
      expected: { label: 'Cancelled', detail: /^the order was refunded$/ },
    },
    {
      name: 'cancelled by stopping the sequence',
      status: request({ state: 'cancelled', cancel_reason: 'sequence_stopped' }),
      expected: { label: 'Cancelled', detail: /^the sequence was stopped$/ },
    },
    {
      name: 'reviewed',
      status: request({ state: 'completed', completed_at: '2026-03-06T15:00:00.000Z' }),
      expected: { label: 'Reviewed', detail: /10:00/ },
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const s = reviewRequestSummary(c.status, TZ);
      assert.equal(s.label, c.expected.label);
      assert.match(s.detail, c.expected.detail);
    });
  }

  test('payment', () => {
    assert.equal(paymentText('paid'), 'Paid');
    assert.equal(paymentText('partially_refunded'), 'Partially refunded');
    assert.equal(paymentText(null), '—');
  });

  test('fulfilment', () => {
    assert.equal(fulfillmentText({ fulfillment_status: null, fulfilled_at: null, delivered_at: null }, TZ), 'Unfulfilled');
    assert.equal(fulfillmentText({ fulfillment_status: 'partial', fulfilled_at: null, delivered_at: null }, TZ), 'Partially fulfilled');
    assert.match(
      fulfillmentText({ fulfillment_status: 'fulfilled', fulfilled_at: '2026-03-05T15:00:00.000Z', delivered_at: null }, TZ),
      /^Fulfilled .*10:00/,
    );
  });
});

describe('reviews', () => {
  test('stars read as a number for a screen reader', () => assert.deepEqual(stars(4), { text: '★★★★☆', label: '4 out of 5 stars' }));
  test('sentiment labels', () =>
    assert.deepEqual(
      (['positive', 'negative', 'neutral', 'mixed'] as const).map((s) => sentimentBadge(s).label),
      ['Positive', 'Negative', 'Neutral', 'Mixed'],
    ));
  test('the filters become the query, empty ones left out', () => {
    assert.equal(reviewQuery({ rating: '', sentiment: '' }, 100), 'limit=100');
    assert.equal(reviewQuery({ rating: '5', sentiment: 'negative' }, 100), 'rating=5&sentiment=negative&limit=100');
  });
});

describe('the profile as last synced', () => {
  const sync = (over: Partial<ProfileSync>): ProfileSync => ({ last_call: null, synced_properties: {}, synced_at: null, ...over });
  const call = { delivery_id: 'out_1', last_error: null, created_at: '2026-03-05T15:00:00.000Z', delivered_at: null };
  const cases: { name: string; sync: ProfileSync; expected: RegExp }[] = [
    { name: 'nothing sent', sync: sync({}), expected: /^Nothing sent to Postscript yet/ },
    {
      name: 'delivered',
      sync: sync({ last_call: { ...call, state: 'delivered', skip_reason: null, delivered_at: '2026-03-05T15:00:01.000Z' } }),
      expected: /^Last sent .*: delivered\.$/,
    },
    {
      name: 'not a subscriber',
      sync: sync({ last_call: { ...call, state: 'skipped', skip_reason: 'not_a_subscriber' } }),
      expected: /skipped, the customer is not an SMS subscriber/,
    },
    {
      name: 'failed, with the error',
      sync: sync({ last_call: { ...call, state: 'failed', skip_reason: null, last_error: 'HTTP 500' } }),
      expected: /failed \(HTTP 500\)/,
    },
  ];
  for (const c of cases) test(c.name, () => assert.match(lastSyncLine(c.sync, TZ), c.expected));

  test('properties by name, numbers as written', () =>
    assert.deepEqual(propertyRows(sync({ synced_properties: { 'Okendo Number of Reviews': 2, 'Okendo Given Name': 'Jane' } })), [
      { name: 'Okendo Given Name', value: 'Jane' },
      { name: 'Okendo Number of Reviews', value: '2' },
    ]));
  test('timeline entries in words', () => {
    assert.equal(activityText('review.created'), 'Review created');
    assert.equal(activityText('loyalty.points'), 'loyalty.points');
  });
});

describe('home charts and paths', () => {
  test('every sentiment and every outbox state has a series', () => {
    assert.deepEqual(SENTIMENT_SERIES.map((s) => s.key).sort(), ['mixed', 'negative', 'neutral', 'positive']);
    assert.deepEqual(SYNC_SERIES.map((s) => s.key).sort(), ['delivered', 'failed', 'pending', 'skipped']);
  });
  test('the screens’ routes', () => {
    const api = storeApi('st_1');
    assert.equal(api.reviews('rating=5&limit=100'), '/api/stores/st_1/reviews?rating=5&limit=100');
    assert.equal(api.review('rev_1'), '/api/stores/st_1/reviews/rev_1');
    assert.equal(api.orders(200), '/api/stores/st_1/orders?limit=200');
    assert.equal(api.order('ord/1'), '/api/stores/st_1/orders/ord%2F1');
    assert.equal(api.customers({ search: ' jane ', limit: 100 }), '/api/stores/st_1/customers?search=jane&limit=100');
    assert.equal(api.customers({ search: '', limit: 100 }), '/api/stores/st_1/customers?limit=100');
    assert.equal(api.customer('cus_1'), '/api/stores/st_1/customers/cus_1');
    assert.equal(api.stats(30), '/api/stores/st_1/stats?days=30');
    assert.equal(api.shopify, '/api/stores/st_1/shopify');
  });
});
