// The seed's main story across the real HTTP seam: Shopify webhooks → reviews platform → Postscript
// API v2 → SMS platform → dev carrier. Runs on SQLite and on PostgreSQL (scripts/test.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fulfillmentPayload, orderPayload, refundPayload } from '@rapport/reviews/dev';
import {
  DAY,
  advance,
  api,
  eventsOf,
  reviewUrlIn,
  reviewThroughLink,
  setUpMerchant,
  shopify,
  startHarness,
  subscribe,
  person,
  texts,
  type Harness,
} from './helpers/platform.js';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => h.stop());

describe('review-request loop, fulfilment anchor', () => {
  test('a subscriber gets exactly one text with a working review URL, N days after fulfilment', async () => {
    const m = await setUpMerchant(h, { waitDays: 3, after: 'fulfillment' });
    const ava = person('Ava');
    const subscriberId = await subscribe(h, m, ava);
    const before = (await texts(h, ava.phone)).length; // DOI prompt + confirmation

    const order = orderPayload({
      customer: { email: ava.email, phone: ava.phone, firstName: 'Ava', lastName: 'Stone' },
      lineItems: [{ title: 'Linen Shirt', variantTitle: 'Blue / M' }],
      fulfilled: true,
    });
    const unfulfilled = { ...order, fulfillment_status: null, fulfillments: [] };
    assert.equal((await shopify(h, m, 'orders/create', { ...unfulfilled, financial_status: 'pending' })).status, 200);
    assert.equal((await shopify(h, m, 'orders/paid', unfulfilled)).status, 200);
    assert.equal((await shopify(h, m, 'orders/fulfilled', order)).status, 200);

    await advance(h, 3 * DAY - 60_000);
    assert.equal((await texts(h, ava.phone)).length, before, 'nothing before the wait ends');
    await advance(h, 60_000);
    const after = await texts(h, ava.phone);
    assert.equal(after.length, before + 1, 'exactly one review text');
    const text = after.at(-1)!.body;
    assert.match(text, /^Thanks Ava! Tell us what you think: http/);

    const created = (await eventsOf(h, m, subscriberId)).find((e) => e.type === 'Review Request Created');
    assert.ok(created, 'Review Request Created reached the SMS platform');
    assert.deepEqual(
      Object.keys(created.properties).sort(),
      [
        'Email Address',
        'First Name',
        'Image Url',
        'Last Name',
        'Name',
        'Order Fulfilled Date',
        'Order Number',
        'Review Request Id',
        'Review Url',
        'Variant Name',
      ].sort(),
    );
    assert.equal(created.properties['First Name'], 'Ava');
    assert.equal(created.properties['Name'], 'Linen Shirt');
    assert.equal(created.properties['Variant Name'], 'Blue / M');
    assert.equal(created.properties['Order Number'], order.name);

    // Step 7: the link opens a review form; submitting it stores the review and sends Review Created.
    const review = await reviewThroughLink(h, await reviewUrlIn(text), {
      rating: 5,
      title: 'Perfect fit',
      body: 'Lovely soft linen, I wear it every day.',
      recommend: true,
    });
    assert.equal(review.formStatus, 200);
    assert.match(review.formHtml, /Linen Shirt/);
    assert.ok(review.submitStatus < 400, `review submit answered ${review.submitStatus}: ${review.submitHtml.slice(0, 300)}`);
    const reviewCreated = (await eventsOf(h, m, subscriberId)).find((e) => e.type === 'Review Created');
    assert.ok(reviewCreated, 'Review Created reached the SMS platform');
    assert.equal(reviewCreated.properties['Rating'], 5);
    assert.equal(reviewCreated.properties['Review Title'], 'Perfect fit');
    assert.equal(reviewCreated.properties['Product Name'], 'Linen Shirt');
    assert.equal(reviewCreated.properties['Overall Sentiment'], 'positive');
  });

  test('the same fulfilment webhook delivered three times yields one text', async () => {
    const m = await setUpMerchant(h, { waitDays: 1, after: 'fulfillment' });
    const ben = person('Ben');
    await subscribe(h, m, ben);
    const before = (await texts(h, ben.phone)).length;
    const order = orderPayload({ customer: { email: ben.email, phone: ben.phone, firstName: 'Ben' }, fulfilled: true });
    for (let i = 0; i < 3; i++) assert.equal((await shopify(h, m, 'orders/fulfilled', order, { webhookId: 'dup-webhook-1' })).status, 200);
    // Shopify also retries with fresh webhook ids for the same order: still one request.
    await shopify(h, m, 'orders/updated', order);
    await advance(h, DAY);
    await advance(h, DAY);
    assert.equal((await texts(h, ben.phone)).length, before + 1);
  });

  test('a customer who is not a subscriber gets no text and no subscriber is created', async () => {
    const m = await setUpMerchant(h, { waitDays: 0, after: 'fulfillment' });
    const cal = person('Cal');
    const order = orderPayload({ customer: { email: cal.email, phone: cal.phone, firstName: 'Cal' }, fulfilled: true });
    assert.equal((await shopify(h, m, 'orders/fulfilled', order)).status, 200);
    await advance(h, DAY);
    assert.equal((await texts(h, cal.phone)).length, 0);
    const found = await api(h, m, 'GET', `/api/v2/subscribers?phone_number__eq=${encodeURIComponent(cal.phone)}`);
    assert.equal(found.json.subscribers.length, 0);
    const byEmail = await api(h, m, 'GET', `/api/v2/subscribers?email__eq=${encodeURIComponent(cal.email)}`);
    assert.equal(byEmail.json.subscribers.length, 0);
  });

  test('a refund before the wait ends cancels the request: Review Request Cancelled, no text', async () => {
    const m = await setUpMerchant(h, { waitDays: 5, after: 'fulfillment' });
    const dee = person('Dee');
    const subscriberId = await subscribe(h, m, dee);
    const before = (await texts(h, dee.phone)).length;
    const order = orderPayload({ customer: { email: dee.email, phone: dee.phone, firstName: 'Dee' }, fulfilled: true });
    await shopify(h, m, 'orders/fulfilled', order);
    await advance(h, 2 * DAY);
    await shopify(h, m, 'refunds/create', refundPayload({ order, lineItems: [{ lineItemId: order.line_items[0]!.id, quantity: 1 }] }));
    await advance(h, 5 * DAY);
    assert.equal((await texts(h, dee.phone)).length, before);
    const types = (await eventsOf(h, m, subscriberId)).map((e) => e.type);
    assert.ok(types.includes('Review Request Cancelled'));
    assert.ok(!types.includes('Review Request Created'));
  });

  test('a cancellation before the wait ends cancels the request too', async () => {
    const m = await setUpMerchant(h, { waitDays: 2, after: 'fulfillment' });
    const eve = person('Eve');
    const subscriberId = await subscribe(h, m, eve);
    const order = orderPayload({ customer: { email: eve.email, phone: eve.phone, firstName: 'Eve' }, fulfilled: true });
    await shopify(h, m, 'orders/fulfilled', order);
    await shopify(h, m, 'orders/cancelled', { ...order, cancelled_at: h.clock.now().toISOString(), financial_status: 'refunded' });
    await advance(h, 3 * DAY);
    const types = (await eventsOf(h, m, subscriberId)).map((e) => e.type);
    assert.deepEqual(
      types.filter((t) => t.startsWith('Review Request')),
      ['Review Request Cancelled'],
    );
  });
});

describe('review-request loop, delivery anchor', () => {
  test('the wait counts from delivery, not fulfilment', async () => {
    const m = await setUpMerchant(h, { waitDays: 2, after: 'delivery' });
    const fay = person('Fay');
    await subscribe(h, m, fay);
    const before = (await texts(h, fay.phone)).length;
    const order = orderPayload({ customer: { email: fay.email, phone: fay.phone, firstName: 'Fay' }, fulfilled: { id: 7001 } });
    await shopify(h, m, 'orders/fulfilled', order);
    await advance(h, 3 * DAY); // in transit for three days: nothing yet
    assert.equal((await texts(h, fay.phone)).length, before);
    await shopify(h, m, 'fulfillments/update', fulfillmentPayload({ order, id: 7001, shipmentStatus: 'delivered', at: h.clock.now() }));
    await advance(h, 2 * DAY - 60_000);
    assert.equal((await texts(h, fay.phone)).length, before);
    await advance(h, 60_000);
    assert.equal((await texts(h, fay.phone)).length, before + 1);
  });
});

describe('the double wait, seen from both sides', () => {
  test("Okendo declares its sequence's wait with the fire; the reviews side reads the SMS automation's delay", async () => {
    const m = await setUpMerchant(h, { waitDays: 3, after: 'fulfillment' });
    const smsDelays = async () => {
      const res = await fetch(`${h.platform.reviewsUrl}/api/stores/${m.storeId}/integrations/postscript/sms-delays`, {
        headers: { authorization: `Bearer ${m.storeKey}` },
      });
      assert.equal(res.status, 200);
      return res.json();
    };
    assert.deepEqual(await smsDelays(), {
      readable: true,
      reason: null,
      automations: [{ name: 'Okendo Review Request', enabled: true, first_delay_minutes: 0 }],
    });
    const automation = (await api(h, m, 'GET', '/api/automations')).json.automations[0];
    const patched = await api(h, m, 'PATCH', `/api/automations/${automation.id}`, {
      messages: [{ body: 'Thanks {first_name}! Tell us what you think: {review_url}', delay_minutes: 2 * 24 * 60 }],
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.json));
    assert.equal((await smsDelays()).automations[0].first_delay_minutes, 2880);

    const trigger = async () => (await api(h, m, 'GET', '/v1/triggers')).json.triggers[0];
    assert.equal((await trigger()).declared_wait, null, 'no fire yet');
    const ava = person('Ava');
    await subscribe(h, m, ava);
    const order = orderPayload({ customer: { email: ava.email, phone: ava.phone, firstName: 'Ava', lastName: 'Stone' }, fulfilled: true });
    assert.equal((await shopify(h, m, 'orders/fulfilled', order)).status, 200);
    await advance(h, 3 * DAY);
    const wait = (await trigger()).declared_wait;
    assert.deepEqual({ days: wait.days, after: wait.after }, { days: 3, after: 'fulfillment' });
  });
});

describe('webhook boundary', () => {
  test('an unsigned or mis-signed webhook gets 401 and changes nothing', async () => {
    const m = await setUpMerchant(h, { waitDays: 0, after: 'fulfillment' });
    const gus = person('Gus');
    await subscribe(h, m, gus);
    const before = (await texts(h, gus.phone)).length;
    const order = orderPayload({ customer: { email: gus.email, phone: gus.phone, firstName: 'Gus' }, fulfilled: true });
    assert.equal((await shopify(h, m, 'orders/fulfilled', order, { signature: null })).status, 401);
    assert.equal((await shopify(h, m, 'orders/fulfilled', order, { signature: 'bm90IHRoZSBzaWduYXR1cmU=' })).status, 401);
    await advance(h, DAY);
    assert.equal((await texts(h, gus.phone)).length, before);
  });
});
