import assert from 'node:assert/strict';
import { PROFILE_DEBOUNCE_MS } from '../src/integrations/postscript/profile-push.js';
import { after, before, describe, test } from 'node:test';
import { findEventType, validateEventProperties, validateProfileProperties } from '@rapport/contract';
import { orderPayload, refundPayload } from '../src/dev/shopify.js';
import { startHarness, tableCounts, type Harness, type TestStore } from './helpers/harness.js';
import { eventsSent, onlyRequest } from './helpers/story.js';
import type { ReviewRequestsTable } from '../src/db/schema.js';

let h: Harness;
before(async () => {
  h = await startHarness();
  h.fake.subscribers.push({ id: 's_jane', phone_number: '+15555550123', email: 'jane.doe@example.com', properties: {} });
});
after(async () => h.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A store whose order of `products` has had its review request sent. */
async function sentRequest(
  products: { productId: number; title: string; variantTitle?: string | null; sku?: string }[],
  waitDays = 0,
): Promise<{ store: TestStore; request: ReviewRequestsTable }> {
  const store = await h.createStore();
  await h.connect(store);
  await h.sequence(store, waitDays, 'fulfillment');
  await h.webhook(store, 'orders/fulfilled', orderPayload({ fulfilled: true, provinceCode: 'CA', countryCode: 'US', lineItems: products }));
  await h.settle();
  return { store, request: await onlyRequest(h, store) };
}

function reviewCreatedFor(productId: string) {
  return eventsSent(h, 'Review Created').filter((e) => e.properties['ProductID'] === productId);
}

describe('review form: the page at the review URL', () => {
  test('GET renders an accessible form per product: labelled 1–5 star radios, title, body, recommend, name', async () => {
    const { request } = await sentRequest([{ productId: 9101, title: 'Linen Shirt', variantTitle: 'Blue / M' }]);
    const res = await h.service.app.inject({ method: 'GET', url: `/r/${request.token}` });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/html/);
    for (const n of [1, 2, 3, 4, 5])
      assert.match(
        res.body,
        new RegExp(
          `<input type="radio" id="product-9101-rating-${n}" name="rating" value="${n}" required><label for="product-9101-rating-${n}">`,
        ),
      );
    assert.match(res.body, /<legend>Your rating/);
    assert.match(res.body, /<label class="field" for="product-9101-title-input">Review title/);
    assert.match(res.body, /<label class="field" for="product-9101-body">Your review/);
    assert.match(res.body, /<legend>Would you recommend this product\?/);
    assert.match(res.body, /<label class="field" for="product-9101-name">Your name/);
    assert.match(res.body, /Linen Shirt <small>Blue \/ M<\/small>/);
  });

  test('an unknown token → 404 page', async () => {
    const res = await h.service.app.inject({ method: 'GET', url: '/r/not-a-real-token' });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /couldn’t find this review link/);
  });

  test('a request withdrawn by a refund → 410 page', async () => {
    const store = await h.createStore();
    await h.connect(store);
    await h.sequence(store, 5, 'fulfillment');
    const order = orderPayload({ fulfilled: true });
    await h.webhook(store, 'orders/fulfilled', order);
    await h.webhook(store, 'refunds/create', refundPayload({ order }));
    const request = await onlyRequest(h, store);
    const res = await h.service.app.inject({ method: 'GET', url: `/r/${request.token}` });
    assert.equal(res.statusCode, 410);
    const post = await h.service.app.inject({
      method: 'POST',
      url: `/r/${request.token}`,
      headers: FORM,
      payload: form({ rating: '5', body: 'x', recommend: 'yes' }),
    });
    assert.equal(post.statusCode, 410);
  });
});

describe('review form: submitting', () => {
  test('a form post stores a verified review with its sentiment and writes "Review Created" + the profile patch', async () => {
    const { store, request } = await sentRequest([{ productId: 9201, title: 'Linen Shirt', variantTitle: 'Blue / M', sku: 'LIN-BLU-M' }]);
    const res = await h.service.app.inject({
      method: 'POST',
      url: `/r/${request.token}`,
      headers: FORM,
      payload: form({
        product_id: '9201',
        rating: '5',
        title: 'Perfect summer shirt',
        body: 'Great fabric, fits perfectly. I love it!',
        recommend: 'yes',
        name: '',
      }),
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Thank you for your review!/);

    const review = await h.database.db.selectFrom('reviews').selectAll().where('store_id', '=', store.id).executeTakeFirstOrThrow();
    assert.deepEqual(
      [
        review.rating,
        review.title,
        review.sentiment,
        review.verified,
        review.reviewer_display_name,
        review.reviewer_full_name,
        review.is_recommended,
      ],
      [5, 'Perfect summer shirt', 'positive', 1, 'Jane D.', 'Jane Doe', 1],
    );
    assert.equal((await onlyRequest(h, store)).state, 'completed');

    await h.settle();
    const [event] = reviewCreatedFor('9201');
    assert.ok(event);
    assert.equal(event.subscriber_id, 's_jane');
    const def = findEventType('Review Created');
    assert.ok(def);
    assert.deepEqual(validateEventProperties(def, event.properties), { ok: true });
    assert.deepEqual(event.properties, {
      Rating: 5,
      'Review Title': 'Perfect summer shirt',
      'Review Body': 'Great fabric, fits perfectly. I love it!',
      'Product Name': 'Linen Shirt',
      ProductID: '9201',
      'Variant Name': 'Blue / M',
      VariantID: event.properties['VariantID'],
      SKU: 'LIN-BLU-M',
      'Is Recommended': true,
      'Overall Sentiment': 'positive',
      'Photo Count': 0,
      'Video Count': 0,
      'Review Created Date': h.clock.now().toISOString(),
      'Reviewer Display Name': 'Jane D.',
      'Reviewer Full Name': 'Jane Doe',
      'Reviewer Country Code': 'US',
      'Reviewer Zone Code': 'CA',
      'Language Code': 'en',
      Source: 'review-request',
      'Okendo Number of Reviews': 1,
      'Okendo Average Review Rating': 5,
      'Okendo Latest Review Rating': 5,
      'Okendo Has Submitted Media': false,
    });
    assert.equal(typeof event.properties['VariantID'], 'string');

    // The profile follows, debounced: one patch, then "Update Customer Profile", in that order.
    assert.equal(h.fake.calls('PATCH', '/api/v2/subscribers/s_jane').length, 0, 'nothing before the debounce window ends');
    h.clock.advance(PROFILE_DEBOUNCE_MS);
    await h.settle();
    const updated = eventsSent(h, 'Update Customer Profile');
    assert.equal(updated.length, 1);
    assert.deepEqual(updated[0]!.properties, {});

    const patch = h.fake.calls('PATCH', '/api/v2/subscribers/s_jane').at(-1);
    const properties = (patch?.body as { properties: Record<string, unknown> }).properties;
    assert.deepEqual(validateProfileProperties(properties), { ok: true });
    assert.deepEqual(properties, {
      'Okendo Given Name': 'Jane',
      'Okendo Family Name': 'Doe',
      'Okendo Number of Reviews': 1,
      'Okendo Average Review Rating': 5,
      'Okendo Latest Review Rating': 5,
      'Okendo Average Review Sentiment': 'positive',
      'Okendo Latest Review Sentiment': 'positive',
    });

    // The customer's timeline: the request that went out, then the review, recorded by the domains.
    const timeline = await h.database.db
      .selectFrom('activities')
      .select(['type', 'data'])
      .where('store_id', '=', store.id)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      timeline.map((a) => a.type),
      ['review_request.sent', 'review.created'],
    );
    assert.equal(JSON.parse(timeline[1]?.data ?? '{}').rating, 5);
  });

  test('missing rating and body → 400 page naming both fields, values kept, nothing stored', async () => {
    const { request } = await sentRequest([{ productId: 9301, title: 'Tea Towel' }]);
    const before = await tableCounts(h.database);
    const res = await h.service.app.inject({
      method: 'POST',
      url: `/r/${request.token}`,
      headers: FORM,
      payload: form({ product_id: '9301', title: 'Nice', recommend: 'yes' }),
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /role="alert"/);
    assert.match(res.body, /rating is required/);
    assert.match(res.body, /body is required/);
    assert.match(res.body, /aria-invalid="true" aria-describedby="product-9301-body-error"/);
    assert.match(res.body, /value="Nice"/);
    assert.deepEqual(await tableCounts(h.database), before);
  });

  const jsonCases: { name: string; body: Record<string, unknown>; locs: string[][] }[] = [
    { name: 'rating out of range', body: { rating: 7, body: 'ok', recommend: true }, locs: [['body', 'rating']] },
    {
      name: 'no body, no recommend',
      body: { rating: 3 },
      locs: [
        ['body', 'body'],
        ['body', 'recommend'],
      ],
    },
    {
      name: 'a product not on the order',
      body: { product_id: '1', rating: 3, body: 'ok', recommend: false },
      locs: [['body', 'product_id']],
    },
  ];
  for (const c of jsonCases) {
    test(`JSON submission with ${c.name} → 400 naming ${c.locs.map((l) => l.join('.')).join(', ')}`, async () => {
      const { request } = await sentRequest([{ productId: 9401, title: 'Candle' }]);
      const res = await h.service.app.inject({ method: 'POST', url: `/r/${request.token}`, payload: c.body });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(
        (res.json().errors as { loc: string[] }[]).map((e) => e.loc),
        c.locs,
      );
    });
  }

  test('malformed JSON → 400 naming the body', async () => {
    const { request } = await sentRequest([{ productId: 9451, title: 'Candle' }]);
    const res = await h.service.app.inject({
      method: 'POST',
      url: `/r/${request.token}`,
      headers: { 'content-type': 'application/json' },
      payload: '{"rating": ',
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().errors[0].loc, ['body']);
  });

  test('a second submission for the same product → "already reviewed", one review, one "Review Created"', async () => {
    const { store, request } = await sentRequest([{ productId: 9501, title: 'Wool Beanie' }]);
    const fields = form({ product_id: '9501', rating: '4', body: 'Warm and soft.', recommend: 'yes' });
    const first = await h.service.app.inject({ method: 'POST', url: `/r/${request.token}`, headers: FORM, payload: fields });
    const second = await h.service.app.inject({ method: 'POST', url: `/r/${request.token}`, headers: FORM, payload: fields });
    assert.equal(first.statusCode, 200);
    assert.equal(second.statusCode, 200);
    assert.match(second.body, /already reviewed this product/);
    const json = await h.service.app.inject({
      method: 'POST',
      url: `/r/${request.token}`,
      payload: { product_id: '9501', rating: 4, body: 'Again', recommend: true },
    });
    assert.equal(json.statusCode, 409);
    await h.settle();
    const reviews = await h.database.db.selectFrom('reviews').selectAll().where('store_id', '=', store.id).execute();
    assert.equal(reviews.length, 1);
    assert.equal(reviewCreatedFor('9501').length, 1);
  });

  test('an order of two products: each reviewed on its own, the request completes with the second; customer aggregates add up', async () => {
    const { store, request } = await sentRequest([
      { productId: 9601, title: 'Rain Jacket' },
      { productId: 9602, title: 'Umbrella' },
    ]);
    const one = await h.service.app.inject({
      method: 'POST',
      url: `/r/${request.token}`,
      payload: {
        product_id: '9601',
        rating: 2,
        title: 'Mixed feelings',
        body: 'Love the color, but the zipper broke after a week and support was terrible.',
        recommend: false,
        name: 'Jane van Dyke',
      },
    });
    assert.equal(one.statusCode, 201);
    assert.equal(one.json().sentiment, 'mixed');
    assert.equal(one.json().reviewer_display_name, 'Jane V.');
    assert.deepEqual(one.json().remaining_product_ids, ['9602']);
    assert.equal((await onlyRequest(h, store)).state, 'sent');
    const page = await h.service.app.inject({ method: 'GET', url: `/r/${request.token}` });
    assert.match(page.body, /You reviewed this product/);

    const two = await h.service.app.inject({
      method: 'POST',
      url: `/r/${request.token}?product=9602`,
      headers: FORM,
      payload: form({ product_id: '9602', rating: '5', body: 'Sturdy and excellent.', recommend: 'yes' }),
    });
    assert.equal(two.statusCode, 200);
    assert.equal((await onlyRequest(h, store)).state, 'completed');
    await h.settle();
    const [second] = reviewCreatedFor('9602');
    assert.equal(second?.properties['Okendo Number of Reviews'], 2);
    assert.equal(second?.properties['Okendo Average Review Rating'], 3.5);
    assert.equal(second?.properties['Okendo Latest Review Rating'], 5);
    const reviews = await h.service.app.inject({ method: 'GET', headers: h.auth(store), url: `/api/stores/${store.id}/reviews` });
    assert.deepEqual((reviews.json().reviews as { product_id: string }[]).map((r) => r.product_id).sort(), ['9601', '9602']);
  });

  test('the admin API lists the request with per-product review URLs', async () => {
    const { store, request } = await sentRequest([{ productId: 9701, title: 'Notebook' }]);
    const res = await h.service.app.inject({
      method: 'GET',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/review-requests/${request.id}`,
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().state, 'sent');
    assert.equal(res.json().review_url, `http://reviews.test:4200/r/${request.token}`);
    assert.equal(res.json().products[0].review_url, `http://reviews.test:4200/r/${request.token}?product=9701`);
    const list = await h.service.app.inject({
      method: 'GET',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/review-requests?state=sent`,
    });
    assert.equal(list.json().review_requests.length, 1);
  });
});
