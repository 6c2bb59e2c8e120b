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
  const cases: [string, Partial<OrderFacts>, string][] = [
    ['paid, fulfilled, with an email', {}, 'eligible'],
    ['phone only', { email: null, phone: '+15555550123' }, 'eligible'],
    ['pending payment', { financialStatus: 'pending' }, 'not_paid'],
    ['authorized only', { financialStatus: 'authorized' }, 'not_paid'],
    ['partially refunded', { financialStatus: 'partially_refunded' }, 'refunded'],
    ['refund recorded', { refundedAt: T0 }, 'refunded'],
    ['cancelled (wins over refunded)', { cancelledAt: T0, refundedAt: T0 }, 'cancelled'],
    ['not fully fulfilled', { fulfilledAt: null }, 'not_fulfilled'],
    ['no email, no phone', { email: null, phone: null }, 'no_contact'],
    ['custom items only', { reviewableProducts: 0 }, 'no_products'],
  ];
  for (const [name, change, expected] of cases) {
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
  const cases: [string, 'fulfillment' | 'delivery', number, Date | null, Date, string][] = [
    ['fulfilment + 3 days', 'fulfillment', 3, null, at(3), 'fulfillment'],
    ['fulfilment + 0 days: at once', 'fulfillment', 0, null, at(0), 'fulfillment'],
    ['fulfilment anchor ignores delivery', 'fulfillment', 3, at(1), at(3), 'fulfillment'],
    ['delivery known: delivered + 2', 'delivery', 2, at(4), at(6), 'delivery'],
    ['delivery unknown: fallback fulfilled + 2 + 14', 'delivery', 2, null, at(16), 'delivery_fallback'],
    ['delivery after the fallback would have fired', 'delivery', 2, at(20), at(22), 'delivery'],
  ];
  for (const [name, anchor, waitDays, deliveredAt, due, basis] of cases) {
    test(name, () => {
      const r = computeDueAt({ anchor, waitDays }, { fulfilledAt: at(0), deliveredAt });
      assert.deepEqual([r.dueAt.toISOString(), r.basis], [due.toISOString(), basis]);
    });
  }
});

describe('order timeline (fully fulfilled, fulfilled at, delivered at)', () => {
  const items: OrderLineItem[] = [
    { id: '1', product_id: 'p1', variant_id: null, title: 'A', variant_title: null, sku: null, quantity: 2, price: null },
    { id: '2', product_id: 'p2', variant_id: null, title: 'B', variant_title: null, sku: null, quantity: 1, price: null },
  ];
  const f = (lines: [string, number][], day: number, delivered: number | null = null, status = 'success'): FulfillmentFacts => ({
    status,
    lineItems: lines.map(([id, quantity]) => ({ id, quantity })),
    fulfilledAt: at(day).toISOString(),
    deliveredAt: delivered === null ? null : at(delivered).toISOString(),
  });
  const cases: [string, string | null, FulfillmentFacts[], [boolean, string | null, string | null]][] = [
    ['nothing shipped', null, [], [false, null, null]],
    ['one of two items shipped', null, [f([['1', 2]], 1)], [false, null, null]],
    [
      'partial quantity',
      null,
      [
        f(
          [
            ['1', 1],
            ['2', 1],
          ],
          1,
        ),
      ],
      [false, null, null],
    ],
    ['shipped in two parts: anchored on the last', null, [f([['1', 2]], 1), f([['2', 1]], 3)], [true, at(3).toISOString(), null]],
    [
      'a cancelled fulfilment does not count',
      null,
      [
        f(
          [
            ['1', 2],
            ['2', 1],
          ],
          1,
          null,
          'cancelled',
        ),
      ],
      [false, null, null],
    ],
    ['Shopify says fulfilled without details: first time we learned it', 'fulfilled', [], [true, T0, null]],
    [
      'delivered once every shipment is delivered',
      null,
      [f([['1', 2]], 1, 4), f([['2', 1]], 2, 5)],
      [true, at(2).toISOString(), at(5).toISOString()],
    ],
    ['one shipment still in transit', null, [f([['1', 2]], 1, 4), f([['2', 1]], 2)], [true, at(2).toISOString(), null]],
  ];
  for (const [name, status, fulfillments, expected] of cases) {
    test(name, () => {
      const t = orderTimeline({ lineItems: items, fulfillmentStatus: status, fulfillments, previousFulfilledAt: null, now: at(0) });
      assert.deepEqual([t.fullyFulfilled, t.fulfilledAt, t.deliveredAt], expected);
    });
  }
});

describe('sentiment (AFINN, four labels)', () => {
  const cases: [string, string][] = [
    ['Great product, works perfectly. Highly recommend!', 'positive'],
    ['Good but a bit expensive', 'positive'],
    ['It arrived on Tuesday.', 'neutral'],
    ['It is okay.', 'neutral'],
    ['It broke.', 'neutral'],
    ['I like it', 'positive'],
    ['Not bad at all', 'positive'],
    ['Awful. Broke after one day. Waste of money.', 'negative'],
    ['Disappointed, the stitching is bad.', 'negative'],
    ['Love the color, but the zipper broke after a week and support was terrible.', 'mixed'],
    ['Beautiful fabric, fantastic fit, but the stitching is awful and it ripped', 'mixed'],
    ['Amazing, wonderful, brilliant and fantastic quality; only the box was bad.', 'positive'],
    ['', 'neutral'],
  ];
  for (const [text, label] of cases) test(`${JSON.stringify(text)} → ${label}`, () => assert.equal(classifySentiment(text), label));

  const averages: [string[], string][] = [
    [['positive', 'positive', 'negative'], 'positive'],
    [['positive', 'negative'], 'neutral'],
    [['negative', 'negative', 'neutral'], 'negative'],
    [['mixed', 'mixed'], 'mixed'],
    [['mixed', 'positive'], 'positive'],
    [[], 'neutral'],
  ];
  for (const [labels, expected] of averages) {
    test(`average of ${labels.join(', ') || 'nothing'} → ${expected}`, () => assert.equal(averageSentiment(labels as never), expected));
  }
});

describe('review submission parsing', () => {
  const products = ['p1'];
  const cases: [string, Record<string, unknown>, string[] | 'ok'][] = [
    ['form strings', { rating: '5', body: 'Nice', recommend: 'yes' }, 'ok'],
    ['JSON values', { product_id: 'p1', rating: 3, body: 'Nice', recommend: false }, 'ok'],
    ['nothing', {}, ['rating', 'body', 'recommend']],
    ['rating 0', { rating: '0', body: 'x', recommend: 'no' }, ['rating']],
    ['rating 4.5', { rating: 4.5, body: 'x', recommend: 'no' }, ['rating']],
    ['whitespace body', { rating: 4, body: '   ', recommend: 'no' }, ['body']],
    ['recommend maybe', { rating: 4, body: 'x', recommend: 'maybe' }, ['recommend']],
    ['title too long', { rating: 4, body: 'x', recommend: 'no', title: 'x'.repeat(151) }, ['title']],
    ['unknown product', { product_id: 'p9', rating: 4, body: 'x', recommend: 'no' }, ['product_id']],
  ];
  for (const [name, body, expected] of cases) {
    test(name, () => {
      const r = parseReviewSubmission(body, products);
      assert.deepEqual(r.ok ? 'ok' : r.errors.map((e) => e.field), expected);
    });
  }
  test('several products: product_id is required', () => {
    const r = parseReviewSubmission({ rating: 4, body: 'x', recommend: 'yes' }, ['p1', 'p2']);
    assert.deepEqual(r.ok ? [] : r.errors.map((e) => e.field), ['product_id']);
  });
});

describe('small helpers', () => {
  const names: [string | null, string | null, string][] = [
    ['Jane', 'Doe', 'Jane D.'],
    ['Jane', 'van Dyke', 'Jane V.'],
    ['Jane', null, 'Jane'],
    [null, 'Doe', 'D.'],
    [null, null, 'Anonymous'],
  ];
  for (const [first, last, expected] of names)
    test(`display name ${first} ${last} → ${expected}`, () => assert.equal(displayName(first, last), expected));
  test('splitName', () => assert.deepEqual(splitName('  Jane  van Dyke '), { first: 'Jane', last: 'van Dyke' }));

  const domains: [string, string | null][] = [
    ['acme.myshopify.com', 'acme.myshopify.com'],
    [' HTTPS://Acme.MyShopify.com/admin/orders ', 'acme.myshopify.com'],
    ['acme.myshopify.com.', 'acme.myshopify.com'],
    ['acme.com', null],
    ['myshopify.com', null],
  ];
  for (const [input, expected] of domains) {
    test(`shop domain ${JSON.stringify(input)}`, () => {
      const r = normalizeShopDomain(input);
      assert.equal(r.ok ? r.domain : null, expected);
    });
  }

  const phones: [string | null, string | null, string | null][] = [
    ['+15555550123', null, '+15555550123'],
    ['(415) 555-0123', 'US', '+14155550123'],
    ['07700 900123', 'GB', '+447700900123'],
    ['12', 'US', null],
    ['', 'US', null],
    [null, null, null],
  ];
  for (const [raw, country, expected] of phones)
    test(`E.164 of ${JSON.stringify(raw)} (${country})`, () => assert.equal(toE164(raw, country), expected));

  const now = new Date(T0);
  const retryAfter: [string | null, string | null][] = [
    ['30', at(30 / 86_400).toISOString()],
    ['0', T0],
    [new Date(Date.parse(T0) + 5000).toUTCString(), new Date(Date.parse(T0) + 5000).toISOString()],
    ['soon', null],
    [null, null],
  ];
  for (const [header, expected] of retryAfter)
    test(`Retry-After ${JSON.stringify(header)}`, () => assert.equal(retryAfterAt(header, now)?.toISOString() ?? null, expected));

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
