// The 22 Okendo profile properties across the real HTTP seam: a review (and, on connecting, the backfill)
// → the reviews platform recomputes the customer's properties → one debounced PATCH of the subscriber
// plus "Update Customer Profile" on the SMS platform. Only existing subscribers; never a new one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PROFILE_PROPERTIES, validateProfileProperties } from '@rapport/contract';
import { connectPostscript, createSequence, createStore } from '@rapport/reviews';
import { orderPayload } from '@rapport/reviews/dev';
import { createShop } from '@rapport/sms';
import { PROFILE_DEBOUNCE_MS } from '../../reviews/src/integrations/postscript/profile-push.js';
import {
  DAY,
  advance,
  api,
  eventsOf,
  reviewThroughLink,
  reviewUrlIn,
  setUpMerchant,
  shopify,
  startHarness,
  subscribe,
  person,
  texts,
  type Harness,
  type Merchant,
} from './helpers/platform.js';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => h.stop());

const TYPE_OF = new Map(PROFILE_PROPERTIES.map((p) => [p.name, p.type]));

async function subscriberProperties(m: Merchant, subscriberId: string): Promise<Record<string, unknown>> {
  const res = await api(h, m, 'GET', `/api/v2/subscribers/${subscriberId}`);
  assert.equal(res.status, 200);
  const subscriber = res.json.subscriber ?? res.json;
  return Object.fromEntries(Object.entries(subscriber.properties ?? {}).filter(([k]) => k.startsWith('Okendo ')));
}

async function storeApi(m: Merchant, method: string, path: string) {
  const res = await fetch(`${h.platform.reviewsUrl}/api/stores/${m.storeId}${path}`, {
    method,
    headers: { authorization: `Bearer ${m.storeKey}` },
  });
  return { status: res.status, json: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('profile properties follow reviews', () => {
  test('a subscriber reviews twice within the debounce window: one patch with every review property, then Update Customer Profile', async () => {
    const m = await setUpMerchant(h, { waitDays: 0, after: 'fulfillment' });
    const ivy = person('Ivy');
    const subscriberId = await subscribe(h, m, ivy);
    const order = orderPayload({
      customer: { email: ivy.email, phone: ivy.phone, firstName: 'Ivy', lastName: 'Lane' },
      lineItems: [{ title: 'Linen Shirt' }, { title: 'Wool Beanie' }],
      fulfilled: true,
    });
    await shopify(h, m, 'orders/fulfilled', order);
    await advance(h, DAY);
    const url = await reviewUrlIn((await texts(h, ivy.phone)).at(-1)!.body);
    await reviewThroughLink(h, url, {
      rating: 5,
      title: 'Lovely',
      body: 'I love it, wonderful fabric and a perfect fit.',
      recommend: true,
    });
    await reviewThroughLink(h, url, {
      rating: 2,
      title: 'Meh',
      body: 'Terrible stitching, awful. It broke after a week.',
      recommend: false,
    });
    assert.deepEqual(await subscriberProperties(m, subscriberId), {}, 'nothing before the debounce window ends');

    await advance(h, PROFILE_DEBOUNCE_MS);
    const properties = await subscriberProperties(m, subscriberId);
    assert.deepEqual(validateProfileProperties(properties), { ok: true });
    assert.deepEqual(properties, {
      'Okendo Given Name': 'Ivy',
      'Okendo Family Name': 'Lane',
      'Okendo Average Review Rating': 3.5,
      'Okendo Average Review Sentiment': 'neutral',
      'Okendo Latest Review Rating': 2,
      'Okendo Latest Review Sentiment': 'negative',
      'Okendo Number of Reviews': 2,
    });
    for (const [name, value] of Object.entries(properties)) {
      const type = TYPE_OF.get(name);
      assert.ok(type, `${name} is a seed profile property`);
      assert.equal(typeof value, type === 'number' ? 'number' : 'string', name);
    }
    const types = (await eventsOf(h, m, subscriberId)).map((e) => e.type);
    assert.equal(types.filter((t) => t === 'Update Customer Profile').length, 1, 'one debounced update for two reviews');
    // Newest first: the update came after both reviews.
    assert.ok(types.indexOf('Update Customer Profile') < types.indexOf('Review Created'));

    // Nothing changed since: a later sync (e.g. after a merchant edit that changes nothing) sends nothing.
    await advance(h, DAY);
    assert.equal((await eventsOf(h, m, subscriberId)).filter((e) => e.type === 'Update Customer Profile').length, 1);
  });
});

describe('the connect-time backfill', () => {
  test('existing customers: the subscriber gets their properties, the non-subscriber nothing, and no subscriber is created', async () => {
    const { platform, clock } = h;
    const shop = await createShop(platform.smsDb, clock, { name: 'Birch & Co', label: 'Okendo' });
    const store = await createStore(platform.reviewsDb, clock, { name: 'Birch & Co', shopDomain: 'birch-co.myshopify.com' });
    const m: Merchant = {
      shopId: shop.shop_id,
      privateKey: shop.private_key,
      storeId: store.store_id,
      shopDomain: 'birch-co.myshopify.com',
      webhookSecret: store.webhook_secret,
      storeKey: store.api_key,
    };
    await createSequence(platform.reviewsDb, clock, { storeId: store.store_id, waitDays: 30, after: 'fulfillment', start: true });
    const [joy, kim] = [person('Joy'), person('Kim')];
    const joyId = await subscribe(h, m, joy);
    for (const p of [joy, kim])
      await shopify(
        h,
        m,
        'orders/create',
        orderPayload({ customer: { email: p.email, phone: p.phone, firstName: p.firstName, lastName: 'Birch' } }),
      );
    assert.deepEqual((await storeApi(m, 'GET', '/integrations/postscript/backfill')).json, { backfill: null });

    await advance(h, 60_000);
    await connectPostscript(platform.reviewsDb, clock, { storeId: store.store_id, privateKey: shop.private_key, apiUrl: platform.smsUrl });
    await h.settle();

    assert.deepEqual(await subscriberProperties(m, joyId), { 'Okendo Given Name': 'Joy', 'Okendo Family Name': 'Birch' });
    const byEmail = await api(h, m, 'GET', `/api/v2/subscribers?email__eq=${encodeURIComponent(kim.email)}`);
    assert.equal(byEmail.json.subscribers.length, 0, 'Kim is not a subscriber and none was created');
    assert.ok(!(await eventsOf(h, m, joyId)).some((e) => e.type === 'Update Customer Profile'), 'a backfill sends no event');

    const view = (await storeApi(m, 'GET', '/integrations/postscript/backfill')).json.backfill;
    assert.equal(view.state, 'done');
    assert.equal(view.finished, true);
    assert.deepEqual(
      [view.total, view.scanned, view.settled, view.patches.written, view.patches.delivered, view.patches.not_subscribers],
      [2, 2, 2, 2, 1, 1],
    );

    // Starting it again sends only what Postscript lacks: nothing.
    const again = await storeApi(m, 'POST', '/integrations/postscript/backfill');
    assert.equal(again.status, 200);
    await h.settle();
    const second = (await storeApi(m, 'GET', '/integrations/postscript/backfill')).json.backfill;
    assert.notEqual(second.backfill_id, view.backfill_id);
    assert.deepEqual([second.scanned, second.patches.written, second.up_to_date - 1], [2, 1, 0]);
  });
});
