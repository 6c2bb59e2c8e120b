/** The pure decision functions, as scenario tables. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toE164 } from '../src/customers/phone.js';
import { retryAfterAt } from '../src/integrations/postscript/deliver-job.js';
import { maskKey } from '../src/integrations/postscript/key-sealing.js';
import { orderTimeline, type FulfillmentFacts } from '../src/orders/timeline.js';
import { customerReviewStats } from '../src/reviews/customer-stats.js';
import { displayName, splitName } from '../src/reviews/reviewer-name.js';
import { averageSentiment, classifySentiment } from '../src/reviews/sentiment.js';
import { parseReviewSubmission } from '../src/reviews/submission.js';
import { computeDueAt } from '../src/sequences/due-time.js';
import { orderEligibility, sequenceRecruits, type OrderFacts } from '../src/sequences/eligibility.js';
import { normalizeShopDomain } from '../src/stores/shop-domain.js';
import type { OrderLineItem } from '../src/db/schema.js';

const T0 = '2026-03-02T15:00:00.000Z';
const DAY = 86_400_000;
const at = (days: number): Date => new Date(Date.parse(T0) + days * DAY);

describe('recruitment eligibility', () => {
  const ok: OrderFacts = {
    financialStatus: 'paid',
    cancelledAt: null,
    refundedAt: null,
    fulfilledAt: T0,
    email: 'a@b.co',
    phone: null,
    reviewableProducts: 1,
  };
  const cases: { name: string; change: Partial<OrderFacts>; expected: string }[] = [
    { name: 'paid, fulfilled, with an email', change: {}, expected: 'eligible' },
    { name: 'phone only', change: { email: null, phone: '+15555550123' }, expected: 'eligible' },
    { name: 'pending payment', change: { financialStatus: 'pending' }, expected: 'not_paid' },
    { name: 'authorized only', change: { financialStatus: 'authorized' }, expected: 'not_paid' },
    { name: 'partially refunded', change: { financialStatus: 'partially_refunded' }, expected: 'refunded' },
    { name: 'refund recorded', change: { refundedAt: T0 }, expected: 'refunded' },
    { name: 'cancelled (wins over refunded)', change: { cancelledAt: T0, refundedAt: T0 }, expected: 'cancelled' },
    { name: 'not fully fulfilled', change: { fulfilledAt: null }, expected: 'not_fulfilled' },
    { name: 'no email, no phone', change: { email: null, phone: null }, expected: 'no_contact' },
    { name: 'custom items only', change: { reviewableProducts: 0 }, expected: 'no_products' },
  ];
  for (const { name, change, expected } of cases) {
    test(name, () => {
      const r = orderEligibility({ ...ok, ...change });
      assert.equal(r.eligible ? 'eligible' : r.reason, expected);
    });
  }
  test('a sequence recruits orders fulfilled on or after its start only', () => {
    assert.equal(sequenceRecruits(ok, { startedAt: T0 }).eligible, true);
    const early = sequenceRecruits(ok, { startedAt: at(0.001).toISOString() });
    assert.equal(early.eligible ? 'eligible' : early.reason, 'fulfilled_before_sequence_start');
  });
});

describe('due time of a review request', () => {
  const cases: {
    name: string;
    anchor: 'fulfillment' | 'delivery';
    waitDays: number;
    deliveredAt: Date | null;
    dueAt: Date;
    basis: string;
  }[] = [
    { name: 'fulfilment + 3 days', anchor: 'fulfillment', waitDays: 3, deliveredAt: null, dueAt: at(3), basis: 'fulfillment' },
    { name: 'fulfilment + 0 days: at once', anchor: 'fulfillment', waitDays: 0, deliveredAt: null, dueAt: at(0), basis: 'fulfillment' },
    {
      name: 'fulfilment anchor ignores delivery',
      anchor: 'fulfillment',
      waitDays: 3,
      deliveredAt: at(1),
      dueAt: at(3),
      basis: 'fulfillment',
    },
    { name: 'delivery known: delivered + 2', anchor: 'delivery', waitDays: 2, deliveredAt: at(4), dueAt: at(6), basis: 'delivery' },
    {
      name: 'delivery unknown: fallback fulfilled + 2 + 14',
      anchor: 'delivery',
      waitDays: 2,
      deliveredAt: null,
      dueAt: at(16),
      basis: 'delivery_fallback',
    },
    {
      name: 'delivery after the fallback would have fired',
      anchor: 'delivery',
      waitDays: 2,
      deliveredAt: at(20),
      dueAt: at(22),
      basis: 'delivery',
    },
  ];
  for (const { name, anchor, waitDays, deliveredAt, dueAt, basis } of cases) {
    test(name, () => {
      const r = computeDueAt({ anchor, waitDays }, { fulfilledAt: at(0), deliveredAt });
      assert.deepEqual([r.dueAt.toISOString(), r.basis], [dueAt.toISOString(), basis]);
    });
  }
});

describe('order timeline (fully fulfilled, fulfilled at, delivered at)', () => {
  const items: OrderLineItem[] = [
    { id: '1', product_id: 'p1', variant_id: null, title: 'A', variant_title: null, sku: null, quantity: 2, price: null },
    { id: '2', product_id: 'p2', variant_id: null, title: 'B', variant_title: null, sku: null, quantity: 1, price: null },
  ];
  const f = (
    lines: { id: string; quantity: number }[],
    day: number,
    delivered: number | null = null,
    status = 'success',
  ): FulfillmentFacts => ({
    status,
    lineItems: lines.map(({ id, quantity }) => ({ id, quantity })),
    fulfilledAt: at(day).toISOString(),
    deliveredAt: delivered === null ? null : at(delivered).toISOString(),
  });
  const cases: {
    name: string;
    fulfillmentStatus: string | null;
    fulfillments: FulfillmentFacts[];
    expected: { fullyFulfilled: boolean; fulfilledAt: string | null; deliveredAt: string | null };
  }[] = [
    {
      name: 'nothing shipped',
      fulfillmentStatus: null,
      fulfillments: [],
      expected: { fullyFulfilled: false, fulfilledAt: null, deliveredAt: null },
    },
    {
      name: 'one of two items shipped',
      fulfillmentStatus: null,
      fulfillments: [f([{ id: '1', quantity: 2 }], 1)],
      expected: { fullyFulfilled: false, fulfilledAt: null, deliveredAt: null },
    },
    {
      name: 'partial quantity',
      fulfillmentStatus: null,
      fulfillments: [
        f(
          [
            { id: '1', quantity: 1 },
            { id: '2', quantity: 1 },
          ],
          1,
        ),
      ],
      expected: { fullyFulfilled: false, fulfilledAt: null, deliveredAt: null },
    },
    {
      name: 'shipped in two parts: anchored on the last',
      fulfillmentStatus: null,
      fulfillments: [f([{ id: '1', quantity: 2 }], 1), f([{ id: '2', quantity: 1 }], 3)],
      expected: { fullyFulfilled: true, fulfilledAt: at(3).toISOString(), deliveredAt: null },
    },
    {
      name: 'a cancelled fulfilment does not count',
      fulfillmentStatus: null,
      fulfillments: [
        f(
          [
            { id: '1', quantity: 2 },
            { id: '2', quantity: 1 },
          ],
          1,
          null,
          'cancelled',
        ),
      ],
      expected: { fullyFulfilled: false, fulfilledAt: null, deliveredAt: null },
    },
    {
      name: 'Shopify says fulfilled without details: first time we learned it',
      fulfillmentStatus: 'fulfilled',
      fulfillments: [],
      expected: { fullyFulfilled: true, fulfilledAt: T0, deliveredAt: null },
    },
    {
      name: 'delivered once every shipment is delivered',
      fulfillmentStatus: null,
      fulfillments: [f([{ id: '1', quantity: 2 }], 1, 4), f([{ id: '2', quantity: 1 }], 2, 5)],
      expected: { fullyFulfilled: true, fulfilledAt: at(2).toISOString(), deliveredAt: at(5).toISOString() },
    },
    {
      name: 'one shipment still in transit',
      fulfillmentStatus: null,
      fulfillments: [f([{ id: '1', quantity: 2 }], 1, 4), f([{ id: '2', quantity: 1 }], 2)],
      expected: { fullyFulfilled: true, fulfilledAt: at(2).toISOString(), deliveredAt: null },
    },
  ];
  for (const { name, fulfillmentStatus, fulfillments, expected } of cases) {
    test(name, () => {
      const t = orderTimeline({ lineItems: items, fulfillmentStatus, fulfillments, previousFulfilledAt: null, now: at(0) });
      assert.deepEqual({ fullyFulfilled: t.fullyFulfilled, fulfilledAt: t.fulfilledAt, deliveredAt: t.deliveredAt }, expected);
    });
  }
});

describe('sentiment (AFINN, four labels)', () => {
  const cases: { text: string; label: string }[] = [
    { text: 'Great product, works perfectly. Highly recommend!', label: 'positive' },
    { text: 'Good but a bit expensive', label: 'positive' },
    { text: 'It arrived on Tuesday.', label: 'neutral' },
    { text: 'It is okay.', label: 'neutral' },
    { text: 'It broke.', label: 'neutral' },
    { text: 'I like it', label: 'positive' },
    { text: 'Not bad at all', label: 'positive' },
    { text: 'Awful. Broke after one day. Waste of money.', label: 'negative' },
    { text: 'Disappointed, the stitching is bad.', label: 'negative' },
    { text: 'Love the color, but the zipper broke after a week and support was terrible.', label: 'mixed' },
    { text: 'Beautiful fabric, fantastic fit, but the stitching is awful and it ripped', label: 'mixed' },
    { text: 'Amazing, wonderful, brilliant and fantastic quality; only the box was bad.', label: 'positive' },
    { text: '', label: 'neutral' },
  ];
  for (const { text, label } of cases) test(`${JSON.stringify(text)} → ${label}`, () => assert.equal(classifySentiment(text), label));

  const averages: { labels: string[]; average: string }[] = [
    { labels: ['positive', 'positive', 'negative'], average: 'positive' },
    { labels: ['positive', 'negative'], average: 'neutral' },
    { labels: ['negative', 'negative', 'neutral'], average: 'negative' },
    { labels: ['mixed', 'mixed'], average: 'mixed' },
    { labels: ['mixed', 'positive'], average: 'positive' },
    { labels: [], average: 'neutral' },
  ];
  for (const { labels, average } of averages) {
    test(`average of ${labels.join(', ') || 'nothing'} → ${average}`, () => assert.equal(averageSentiment(labels as never), average));
  }
});

describe('review submission parsing', () => {
  const products = ['p1'];
  const cases: { name: string; body: Record<string, unknown>; outcome: string[] | 'ok' }[] = [
    { name: 'form strings', body: { rating: '5', body: 'Nice', recommend: 'yes' }, outcome: 'ok' },
    { name: 'JSON values', body: { product_id: 'p1', rating: 3, body: 'Nice', recommend: false }, outcome: 'ok' },
    { name: 'nothing', body: {}, outcome: ['rating', 'body', 'recommend'] },
    { name: 'rating 0', body: { rating: '0', body: 'x', recommend: 'no' }, outcome: ['rating'] },
    { name: 'rating 4.5', body: { rating: 4.5, body: 'x', recommend: 'no' }, outcome: ['rating'] },
    { name: 'whitespace body', body: { rating: 4, body: '   ', recommend: 'no' }, outcome: ['body'] },
    { name: 'recommend maybe', body: { rating: 4, body: 'x', recommend: 'maybe' }, outcome: ['recommend'] },
    { name: 'title too long', body: { rating: 4, body: 'x', recommend: 'no', title: 'x'.repeat(151) }, outcome: ['title'] },
    { name: 'unknown product', body: { product_id: 'p9', rating: 4, body: 'x', recommend: 'no' }, outcome: ['product_id'] },
  ];
  for (const { name, body, outcome } of cases) {
    test(name, () => {
      const r = parseReviewSubmission(body, products);
      assert.deepEqual(r.ok ? 'ok' : r.errors.map((e) => e.field), outcome);
    });
  }
  test('several products: product_id is required', () => {
    const r = parseReviewSubmission({ rating: 4, body: 'x', recommend: 'yes' }, ['p1', 'p2']);
    assert.deepEqual(r.ok ? [] : r.errors.map((e) => e.field), ['product_id']);
  });
});

describe('small helpers', () => {
  const names: { first: string | null; last: string | null; display: string }[] = [
    { first: 'Jane', last: 'Doe', display: 'Jane D.' },
    { first: 'Jane', last: 'van Dyke', display: 'Jane V.' },
    { first: 'Jane', last: null, display: 'Jane' },
    { first: null, last: 'Doe', display: 'D.' },
    { first: null, last: null, display: 'Anonymous' },
  ];
  for (const { first, last, display } of names)
    test(`display name ${first} ${last} → ${display}`, () => assert.equal(displayName(first, last), display));
  test('splitName', () => assert.deepEqual(splitName('  Jane  van Dyke '), { first: 'Jane', last: 'van Dyke' }));

  const domains: { input: string; domain: string | null }[] = [
    { input: 'acme.myshopify.com', domain: 'acme.myshopify.com' },
    { input: ' HTTPS://Acme.MyShopify.com/admin/orders ', domain: 'acme.myshopify.com' },
    { input: 'acme.myshopify.com.', domain: 'acme.myshopify.com' },
    { input: 'acme.com', domain: null },
    { input: 'myshopify.com', domain: null },
  ];
  for (const { input, domain } of domains) {
    test(`shop domain ${JSON.stringify(input)}`, () => {
      const r = normalizeShopDomain(input);
      assert.equal(r.ok ? r.domain : null, domain);
    });
  }

  const phones: { raw: string | null; country: string | null; e164: string | null }[] = [
    { raw: '+15555550123', country: null, e164: '+15555550123' },
    { raw: '(415) 555-0123', country: 'US', e164: '+14155550123' },
    { raw: '07700 900123', country: 'GB', e164: '+447700900123' },
    { raw: '12', country: 'US', e164: null },
    { raw: '', country: 'US', e164: null },
    { raw: null, country: null, e164: null },
  ];
  for (const { raw, country, e164 } of phones)
    test(`E.164 of ${JSON.stringify(raw)} (${country})`, () => assert.equal(toE164(raw, country), e164));

  const now = new Date(T0);
  const retryAfter: { header: string | null; retryAt: string | null }[] = [
    { header: '30', retryAt: at(30 / 86_400).toISOString() },
    { header: '0', retryAt: T0 },
    { header: new Date(Date.parse(T0) + 5000).toUTCString(), retryAt: new Date(Date.parse(T0) + 5000).toISOString() },
    { header: 'soon', retryAt: null },
    { header: null, retryAt: null },
  ];
  for (const { header, retryAt } of retryAfter)
    test(`Retry-After ${JSON.stringify(header)}`, () => assert.equal(retryAfterAt(header, now)?.toISOString() ?? null, retryAt));

  test('maskKey never shows more than the last four characters', () => {
    assert.equal(maskKey('sk_live_0123456789abcdef'), 'sk_…cdef');
    assert.equal(maskKey('sk_short'), 'sk_…');
  });

  test('customer review stats: count, average (2 decimals), latest, media', () => {
    const s = customerReviewStats([
      { rating: 5, sentiment: 'positive', photoCount: 0, videoCount: 0, createdAt: at(1).toISOString() },
      { rating: 2, sentiment: 'negative', photoCount: 1, videoCount: 0, createdAt: at(3).toISOString() },
      { rating: 4, sentiment: 'positive', photoCount: 0, videoCount: 0, createdAt: at(2).toISOString() },
    ]);
    assert.deepEqual(s, {
      count: 3,
      averageRating: 3.67,
      latestRating: 2,
      averageSentiment: 'positive',
      latestSentiment: 'negative',
      hasMedia: true,
    });
  });
});
