import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nextPhone, startHarness, type Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

const DOI = (shop: string) =>
  `${shop}: Reply Y to subscribe to recurring automated promotional msgs (e.g. cart reminders). Msg & data rates may apply.`;
const CONFIRMED = (shop: string) =>
  `You've subscribed to ${shop}. Msg & data rates may apply. Msgs are recurring. Reply STOP to unsubscribe, HELP for help`;

describe('subscribers and double opt-in', () => {
  test('create → pending + the double opt-in text; Y confirms with the confirmation text', async () => {
    const shop = await h.newShop('Acme Tea');
    const phone = nextPhone();
    const local = `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
    const r = await h.request('POST', '/api/v2/subscribers', {
      shop,
      body: {
        phone_number: local,
        email: 'Ada@Example.com',
        tags: ['VIP'],
        properties: { birthday: '1990-01-01' },
        first_name: 'Ada',
        origin: 'website',
      },
    });
    assert.equal(r.status, 201);
    assert.match(r.body.id, /^s_/);
    assert.equal(r.body.phone_number, phone);
    assert.equal(r.body.email, 'ada@example.com');
    assert.equal(r.body.status, 'pending');
    assert.equal(r.body.first_name, 'Ada');
    assert.deepEqual(r.body.subscriptions, { promotional: { can_send: false }, transactional: { can_send: false } });
    assert.deepEqual(r.body.tags, ['VIP']);

    await h.runDue();
    assert.deepEqual(await h.texts(phone), [DOI('Acme Tea')]);

    // Pending subscribers are not on the list yet.
    let list = await h.request('GET', `/api/v2/subscribers?phone_number__eq=${encodeURIComponent(phone)}`, { shop });
    assert.deepEqual(list.body, { page_info: { page: 1, total_pages: 0 }, subscribers: [] });

    const reply = await h.reply(phone, 'Y');
    assert.equal(reply.classification, 'opt_in');
    assert.deepEqual(await h.texts(phone), [DOI('Acme Tea'), CONFIRMED('Acme Tea')]);
    const got = await h.request('GET', `/api/v2/subscribers/${r.body.id}`, { shop });
    assert.equal(got.body.status, 'subscribed');
    assert.equal(got.body.subscriptions.promotional.can_send, true);
    assert.equal(got.body.confirmed_at, h.clock.now().toISOString());

    list = await h.request('GET', `/api/v2/subscribers?phone_number__eq=${encodeURIComponent(local)}`, { shop });
    assert.equal(list.body.subscribers.length, 1);
    assert.equal(list.body.subscribers[0].id, r.body.id);
  });

  test('creating an existing number returns it (200) without a second opt-in text; after STOP it asks again', async () => {
    const shop = await h.newShop('Bean Co');
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    const again = await h.request('POST', '/api/v2/subscribers', { shop, body: { phone_number: phone, tags: ['Returning'] } });
    assert.equal(again.status, 200);
    assert.equal(again.body.id, sub.id);
    assert.deepEqual(again.body.tags, ['Returning']);
    await h.runDue();
    assert.equal((await h.texts(phone)).length, 2, 'prompt + confirmation only');

    await h.reply(phone, 'STOP');
    const stopped = await h.request('GET', `/api/v2/subscribers/${sub.id}`, { shop });
    assert.equal(stopped.body.status, 'unsubscribed');
    const reconsent = await h.request('POST', '/api/v2/subscribers', { shop, body: { phone_number: phone } });
    assert.equal(reconsent.status, 200);
    assert.equal(reconsent.body.status, 'pending');
    await h.runDue();
    const texts = await h.texts(phone);
    assert.equal(texts.length, 4);
    assert.equal(texts[3], DOI('Bean Co'));
  });

  test('bad input is a 400 naming the field, with nothing written', async () => {
    const shop = await h.newShop();
    const cases: { body: unknown; loc: unknown[] }[] = [
      { body: { phone_number: 'not a phone' }, loc: ['body', 'phone_number'] },
      { body: {}, loc: ['body', 'phone_number'] },
      { body: { phone_number: nextPhone(), email: 'nope' }, loc: ['body', 'email'] },
      { body: { phone_number: nextPhone(), tags: 'VIP' }, loc: ['body', 'tags'] },
      { body: { phone_number: nextPhone(), properties: { nested: { a: 1 } } }, loc: ['body', 'properties', 'nested'] },
      { body: { phone_number: nextPhone(), favourite_colour: 'blue' }, loc: ['body', 'favourite_colour'] },
    ];
    for (const { body, loc } of cases) {
      const r = await h.request('POST', '/api/v2/subscribers', { shop, body });
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.ok(
        r.body.errors.some((e: { loc: unknown[] }) => JSON.stringify(e.loc.slice(0, loc.length)) === JSON.stringify(loc)),
        `${JSON.stringify(body)} → ${JSON.stringify(r.body.errors)}`,
      );
    }
    const rows = await h.database.db.selectFrom('subscribers').select('id').where('shop_id', '=', shop.shopId).execute();
    assert.equal(rows.length, 0);
  });

  test('PATCH merges properties per key (null deletes), adds tags, sets email only if none', async () => {
    const shop = await h.newShop();
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone, {
      email: 'first@example.com',
      tags: ['a'],
      properties: { 'Okendo Number of Reviews': 1, keep: 'x', drop: 'y' },
    });
    const r = await h.request('PATCH', `/api/v2/subscribers/${sub.id}`, {
      shop,
      body: {
        email: 'second@example.com',
        tags: ['b', 'a'],
        properties: { 'Okendo Number of Reviews': 2, 'Okendo Loyalty VIP Tier': 'Gold', drop: null },
      },
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.email, 'first@example.com');
    assert.deepEqual(r.body.tags, ['a', 'b']);
    assert.deepEqual(r.body.properties, { 'Okendo Number of Reviews': 2, keep: 'x', 'Okendo Loyalty VIP Tier': 'Gold' });

    const noEmail = await h.subscribe(shop, nextPhone());
    const set = await h.request('PATCH', `/api/v2/subscribers/${noEmail.id}`, {
      shop,
      body: { email: 'new@example.com', properties: null },
    });
    assert.equal(set.body.email, 'new@example.com');

    const missing = await h.request('PATCH', '/api/v2/subscribers/s_nope', { shop, body: { tags: ['x'] } });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body.errors[0].loc, ['path', 'id']);

    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`p${i}`, i]));
    const bad = await h.request('PATCH', `/api/v2/subscribers/${sub.id}`, { shop, body: { properties: tooMany } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].loc[1], 'properties');
  });

  test('list filters, sort and pages; another shop sees nothing', async () => {
    const shop = await h.newShop();
    const phones = [nextPhone(), nextPhone(), nextPhone()];
    const subs = [];
    for (const [i, phone] of phones.entries()) {
      subs.push(await h.subscribe(shop, phone, { email: `user${i}@example.com`, shopify_customer_id: 1000 + i }));
      h.clock.advance(1000);
    }
    const all = await h.request('GET', '/api/v2/subscribers', { shop });
    assert.deepEqual(
      all.body.subscribers.map((s: { id: string }) => s.id),
      subs.map((s) => s.id),
    );
    assert.deepEqual(all.body.page_info, { page: 1, total_pages: 1 });

    const desc = await h.request('GET', '/api/v2/subscribers?sort=created_at__desc', { shop });
    assert.deepEqual(
      desc.body.subscribers.map((s: { id: string }) => s.id),
      subs.map((s) => s.id).reverse(),
    );
    const byEmail = await h.request('GET', '/api/v2/subscribers?email__eq=USER1@example.com', { shop });
    assert.deepEqual(
      byEmail.body.subscribers.map((s: { id: string }) => s.id),
      [subs[1].id],
    );
    const digits = phones[2]!.slice(1);
    const byDigits = await h.request('GET', `/api/v2/subscribers?phone_number__eq=${digits}`, { shop });
    assert.equal(byDigits.body.subscribers[0].id, subs[2].id);
    const byCustomer = await h.request('GET', '/api/v2/subscribers?shopify_customer_id__in=1000,1002', { shop });
    assert.equal(byCustomer.body.subscribers.length, 2);
    assert.equal(byCustomer.body.subscribers[0].shopify_customer_id, 1000);
    const since = await h.request('GET', `/api/v2/subscribers?created_at__gte=${encodeURIComponent(subs[1].created_at)}`, { shop });
    assert.equal(since.body.subscribers.length, 2);
    const page2 = await h.request('GET', '/api/v2/subscribers?page=2', { shop });
    assert.deepEqual(page2.body, { page_info: { page: 2, total_pages: 1 }, subscribers: [] });

    const badSort = await h.request('GET', '/api/v2/subscribers?sort=email__asc', { shop });
    assert.equal(badSort.status, 400);
    assert.deepEqual(badSort.body.errors[0].loc, ['query', 'sort']);
    const badPage = await h.request('GET', '/api/v2/subscribers?page=0', { shop });
    assert.equal(badPage.status, 400);
    assert.equal(badPage.body.errors[0].loc[1], 'page');

    const other = await h.newShop();
    assert.equal((await h.request('GET', '/api/v2/subscribers', { shop: other })).body.subscribers.length, 0);
    assert.equal((await h.request('GET', `/api/v2/subscribers/${subs[0].id}`, { shop: other })).status, 404);
  });

  test('pages hold 100 subscribers', async () => {
    const shop = await h.newShop();
    const at = h.clock.now().toISOString();
    const rows = Array.from({ length: 101 }, (_, i) => ({
      id: `s_page${String(i).padStart(3, '0')}`,
      shop_id: shop.shopId,
      phone_number: `+1305555${String(i).padStart(4, '0')}`,
      email: null,
      first_name: null,
      last_name: null,
      shopify_customer_id: null,
      properties: '{}',
      tags: '[]',
      status: 'subscribed' as const,
      origin: null,
      keyword: null,
      external_id: null,
      time_zones: '[]',
      region: null,
      confirmed_at: at,
      opted_out_at: null,
      opt_out_notice_at: null,
      created_at: at,
      updated_at: at,
    }));
    await h.database.db.insertInto('subscribers').values(rows).execute();
    const p1 = await h.request('GET', '/api/v2/subscribers?page=1', { shop });
    const p2 = await h.request('GET', '/api/v2/subscribers?page=2', { shop });
    assert.equal(p1.body.subscribers.length, 100);
    assert.equal(p2.body.subscribers.length, 1);
    assert.deepEqual(p2.body.page_info, { page: 2, total_pages: 2 });
    assert.equal(p2.body.subscribers[0].id, 's_page100');
  });

  test('request limits: 90,000 tags, a 1 MB body or a deeply nested one are refused at once, naming the limit', async () => {
    const shop = await h.newShop();
    const tags = Array.from({ length: 90_000 }, (_, i) => `t${i}`);
    const many = await h.request('POST', '/api/v2/subscribers', { shop, body: { phone_number: nextPhone(), tags } });
    assert.equal(many.status, 413, 'the body alone is larger than the route accepts');
    assert.match(many.body.errors[0].msg, /bytes/);
    const over = await h.request('POST', '/api/v2/subscribers', {
      shop,
      body: { phone_number: nextPhone(), tags: Array.from({ length: 101 }, (_, i) => `t${i}`) },
    });
    assert.equal(over.status, 400);
    assert.deepEqual(over.body.errors[0].loc, ['body', 'tags']);
    let deep: unknown = 'x';
    for (let i = 0; i < 12; i++) deep = [deep];
    const nested = await h.request('POST', '/api/v2/subscribers', { shop, body: { phone_number: nextPhone(), properties: { a: deep } } });
    assert.equal(nested.status, 400);
    assert.equal(nested.body.errors[0].type, 'too_deep');
    assert.equal((await h.request('GET', '/api/v2/subscribers', { shop })).body.subscribers.length, 0, 'nothing was written');
  });

  test("Postscript-compatible routes answer in Postscript's error shape, Rapport's own in Rapport's; every response names the service", async () => {
    const unknownV2 = await h.request('GET', '/api/v2/nothing');
    assert.equal(unknownV2.status, 404);
    assert.equal(unknownV2.body.errors[0].type, 'not_found');
    assert.equal(unknownV2.headers['rapport-service'], 'sms');
    const unknownOwn = await h.request('GET', '/api/nothing');
    assert.equal(unknownOwn.status, 404);
    assert.deepEqual(Object.keys(unknownOwn.body), ['errors']);
  });
});

describe('consent history (the profile page)', () => {
  test('the opt-in request, the Y that confirmed it and a STOP, with source and exact words; another shop gets 404', async () => {
    const shop = await h.newShop('Consent Shop');
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    await h.reply(phone, 'stop');
    const r = await h.request('GET', `/api/subscribers/${sub.id}/consent`, { shop });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(
      r.body.consent.map((c: { action: string }) => c.action),
      ['opt_in_requested', 'opted_in', 'opted_out'],
    );
    assert.ok(r.body.consent.every((c: { source: string; created_at: string }) => c.source && c.created_at));
    const other = await h.newShop('Other');
    assert.equal((await h.request('GET', `/api/subscribers/${sub.id}/consent`, { shop: other })).status, 404);
  });
});

describe('the dashboard’s subscriber search', () => {
  test('every status (pending included), by phone digits or email, by status, newest first', async () => {
    const shop = await h.newShop('Search Shop');
    const confirmed = nextPhone();
    await h.subscribe(shop, confirmed, { email: 'found.me@example.com' });
    const pending = nextPhone();
    await h.request('POST', '/api/v2/subscribers', { shop, body: { phone_number: pending, email: 'waiting@example.com' } });
    const search = async (query: string) => (await h.request('GET', `/api/subscribers?${query}`, { shop })).body;
    const all = await search('');
    assert.deepEqual(
      all.subscribers.map((s: { phone_number: string }) => s.phone_number),
      [pending, confirmed],
    );
    assert.equal(all.page_info.total, 2);
    assert.deepEqual(
      (await search(`q=${confirmed.slice(-7)}`)).subscribers.map((s: { id: string; phone_number: string }) => s.phone_number),
      [confirmed],
    );
    assert.deepEqual(
      (await search('q=FOUND.me')).subscribers.map((s: { email: string }) => s.email),
      ['found.me@example.com'],
    );
    assert.deepEqual(
      (await search('status=pending')).subscribers.map((s: { status: string }) => s.status),
      ['pending'],
    );
    assert.equal((await search('q=100%25')).subscribers.length, 0, 'a % is matched literally');
    const bad = await h.request('GET', '/api/subscribers?status=gone', { shop });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors[0].loc, ['query', 'status']);
  });
});
