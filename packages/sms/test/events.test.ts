import assert from 'node:assert/strict';
import { EVENT_TYPE_NAMES } from '@rapport/contract';
import { after, before, describe, test } from 'node:test';
import { nextPhone, startHarness, type Harness, type Shop } from './harness.js';

let h: Harness;
let shop: Shop;
before(async () => {
  h = await startHarness();
  shop = await h.newShop('Events Shop');
});
after(() => h.close());

const reviewRequest = (extra: Record<string, unknown> = {}) => ({
  type: 'Review Request Created',
  properties: {
    'Email Address': 'ada@example.com',
    'First Name': 'Ada',
    'Review Url': 'https://reviews.example/r/1',
    'Order Number': '#1001',
    Rating: 5,
    'Is Recommended': true,
    Tags: ['a', 'b'],
    'Variant Name': null,
  },
  ...extra,
});

async function eventRows(type?: string) {
  let q = h.database.db.selectFrom('events').selectAll().where('shop_id', '=', shop.shopId);
  if (type) q = q.where('type', '=', type);
  return q.execute();
}

describe('custom events', () => {
  test('202 with the event id; the row is committed and matched to the subscriber by phone', async () => {
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    const local = `${phone.slice(2, 5)}-${phone.slice(5, 8)}-${phone.slice(8)}`;
    const r = await h.request('POST', '/api/v2/events', {
      shop,
      body: reviewRequest({ phone: local, occurred_at: '2026-03-10 15:00:00.123456' }),
    });
    assert.equal(r.status, 202);
    assert.equal(r.body.event_ids.length, 1);
    assert.match(r.body.event_ids[0], /^ev_/);
    const [row] = await h.database.db.selectFrom('events').selectAll().where('id', '=', r.body.event_ids[0]).execute();
    assert.ok(row, 'committed before the 202');
    assert.equal(row.subscriber_id, sub.id);
    assert.equal(row.type, 'Review Request Created');
    assert.equal(row.occurred_at, '2026-03-10T15:00:00.123Z');
    assert.deepEqual(JSON.parse(row.properties), reviewRequest().properties);
    // Its automations were matched in the same transaction; none is built on this event, so no work was queued.
    const jobs = await h.database.db.selectFrom('jobs').select('kind').where('state', '=', 'pending').execute();
    assert.deepEqual(jobs, []);

    const listed = await h.request('GET', `/api/v2/events?subscriber_id=${sub.id}`, { shop });
    assert.equal(listed.status, 200);
    assert.equal(listed.body.events.length, 1);
    assert.equal(listed.body.events[0].id, row.id);
    assert.deepEqual(listed.body.events[0].properties, reviewRequest().properties);
  });

  test('the /api/v2/custom-events alias; identity by subscriber_id, then email (confirmed only)', async () => {
    const sub = await h.subscribe(shop, nextPhone(), { email: 'grace@example.com' });
    const byId = await h.request('POST', '/api/v2/custom-events', { shop, body: { type: 'Review Created', subscriber_id: sub.id } });
    assert.equal(byId.status, 202);
    const byEmail = await h.request('POST', '/api/v2/events', { shop, body: { type: 'Review Created', email: 'GRACE@example.com' } });
    const rows = await h.database.db
      .selectFrom('events')
      .selectAll()
      .where('id', 'in', [byId.body.event_ids[0], byEmail.body.event_ids[0]])
      .execute();
    assert.deepEqual(
      rows.map((r) => r.subscriber_id),
      [sub.id, sub.id],
    );
    h.clock.advance(1000);
    const newest = await h.request('POST', '/api/v2/events', { shop, body: { type: 'Submitted Okendo Quiz', subscriber_id: sub.id } });
    const listed = await h.request('GET', `/api/v2/events?subscriber_id=${sub.id}`, { shop });
    assert.equal(listed.body.events[0].id, newest.body.event_ids[0], 'newest first');
    assert.equal(listed.body.events.length, 3);
  });

  test('an unknown subscriber still gets 202; the event is stored unmatched and defines its type', async () => {
    const r = await h.request('POST', '/api/v2/events', {
      shop,
      body: { type: 'My Custom Thing', email: 'nobody@example.com', properties: { size: 'L' } },
    });
    assert.equal(r.status, 202);
    const [row] = await eventRows('My Custom Thing');
    assert.equal(row?.subscriber_id, null);
    const defs = await h.request('GET', '/api/event-definitions', { shop });
    const names = defs.body.event_definitions.map((d: { name: string }) => d.name);
    for (const name of EVENT_TYPE_NAMES) assert.ok(names.includes(name), `catalog type ${name} listed`);
    assert.equal(EVENT_TYPE_NAMES.length, 19);
    const mine = defs.body.event_definitions.find((d: { name: string }) => d.name === 'My Custom Thing');
    assert.equal(mine.source, 'observed');
    assert.deepEqual(mine.properties, [{ name: 'size', key: null, type: null }]);
    const created = defs.body.event_definitions.find((d: { name: string }) => d.name === 'Review Created');
    assert.equal(created.source, 'catalog+observed');
    const quiz = defs.body.event_definitions.find((d: { name: string }) => d.name === 'Submitted Okendo Survey');
    assert.equal(quiz.source, 'catalog');
    assert.ok(quiz.properties.length > 0);
  });

  test('three identical posts with one external_id store one row and return its id', async () => {
    const body = reviewRequest({ external_id: 'rr_123:created' });
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const r = await h.request('POST', '/api/v2/events', { shop, body });
      assert.equal(r.status, 202);
      ids.push(r.body.event_ids[0]);
    }
    assert.equal(new Set(ids).size, 1);
    const rows = await h.database.db
      .selectFrom('events')
      .select('id')
      .where('shop_id', '=', shop.shopId)
      .where('external_id', '=', 'rr_123:created')
      .execute();
    assert.equal(rows.length, 1);
  });

  test('concurrent posts with one external_id still store one row', async () => {
    const body = reviewRequest({ external_id: 'rr_race' });
    const rs = await Promise.all(Array.from({ length: 5 }, () => h.request('POST', '/api/v2/events', { shop, body })));
    assert.deepEqual(
      rs.map((r) => r.status),
      [202, 202, 202, 202, 202],
    );
    assert.equal(new Set(rs.map((r) => r.body.event_ids[0])).size, 1);
    const rows = await h.database.db.selectFrom('events').select('id').where('external_id', '=', 'rr_race').execute();
    assert.equal(rows.length, 1);
  });

  test('an Idempotency-Key replay returns the original ids; the same key with another body is refused', async () => {
    const headers = { 'idempotency-key': 'evt-key-1' };
    const a = await h.request('POST', '/api/v2/events', { shop, body: { type: 'Review Created', properties: { Rating: 4 } }, headers });
    const before = (await eventRows()).length;
    const b = await h.request('POST', '/api/v2/events', { shop, body: { type: 'Review Created', properties: { Rating: 4 } }, headers });
    assert.equal(b.status, 202);
    assert.deepEqual(b.body, a.body);
    assert.equal((await eventRows()).length, before);
    const c = await h.request('POST', '/api/v2/events', { shop, body: { type: 'Review Created', properties: { Rating: 1 } }, headers });
    assert.equal(c.status, 422);
    assert.deepEqual(c.body.errors[0].loc, ['header', 'idempotency-key']);
    // Keys are per shop.
    const other = await h.newShop();
    const d = await h.request('POST', '/api/v2/events', {
      shop: other,
      body: { type: 'Review Created', properties: { Rating: 1 } },
      headers,
    });
    assert.equal(d.status, 202);
    assert.notEqual(d.body.event_ids[0], a.body.event_ids[0]);
  });

  test('bad requests are 400s naming the field and store nothing', async () => {
    const before = (await eventRows()).length;
    const malformed = await h.request('POST', '/api/v2/events', { shop, body: '{"type": "Review Created",' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.errors[0].type, 'json_invalid');

    const cases: { body: unknown; loc: unknown[] }[] = [
      { body: { properties: {} }, loc: ['body', 'type'] },
      { body: { type: '' }, loc: ['body', 'type'] },
      { body: { type: 'x'.repeat(256) }, loc: ['body', 'type'] },
      { body: { type: 'Review Created', data: { a: 1 } }, loc: ['body', 'data'] },
      { body: { type: 'Review Created', properties: { nested: { a: 1 } } }, loc: ['body', 'properties', 'nested'] },
      { body: { type: 'Review Created', occurred_at: 'yesterday' }, loc: ['body', 'occurred_at'] },
      { body: { type: 'Review Created', phone: 'call me' }, loc: ['body', 'phone'] },
      {
        body: { type: 'Review Created', properties: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i])) },
        loc: ['body', 'properties'],
      },
    ];
    for (const { body, loc } of cases) {
      const r = await h.request('POST', '/api/v2/events', { shop, body });
      assert.equal(r.status, 400, JSON.stringify(body).slice(0, 80));
      assert.deepEqual(r.body.errors[0].loc, loc, JSON.stringify(r.body));
    }
    const missingType = await h.request('POST', '/api/v2/events', { shop, body: { properties: {} } });
    assert.match(missingType.body.errors[0].msg, /type/);
    assert.equal(missingType.body.errors[0].type, 'missing');
    const unknownField = await h.request('POST', '/api/v2/events', { shop, body: { type: 'Review Created', data: {} } });
    assert.equal(unknownField.body.errors[0].type, 'extra_forbidden');
    const badKey = await h.request('POST', '/api/v2/events', {
      shop,
      body: { type: 'Review Created' },
      headers: { 'idempotency-key': 'x'.repeat(300) },
    });
    assert.equal(badKey.status, 400);
    assert.deepEqual(badKey.body.errors[0].loc, ['header', 'idempotency-key']);
    assert.equal((await eventRows()).length, before);
  });

  test('seed event names with spaces are accepted verbatim; events need auth', async () => {
    for (const type of EVENT_TYPE_NAMES) {
      const r = await h.request('POST', '/api/v2/events', { shop, body: { type } });
      assert.equal(r.status, 202, type);
    }
    const noAuth = await h.request('POST', '/api/v2/events', { body: { type: 'Review Created' } });
    assert.equal(noAuth.status, 401);
    const missingSub = await h.request('GET', '/api/v2/events?subscriber_id=s_nope', { shop });
    assert.equal(missingSub.status, 404);
    const noSub = await h.request('GET', '/api/v2/events', { shop });
    assert.equal(noSub.status, 400);
    assert.deepEqual(noSub.body.errors[0].loc, ['query', 'subscriber_id']);
  });

  test("Postscript-safe names are accepted and stored as the seed's: review_created is Review Created", async () => {
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    const cases: { sent: string; stored: string }[] = [
      { sent: 'review_created', stored: 'Review Created' },
      { sent: 'OKENDO_LOYALTY_POINTS_AWARDED', stored: 'Okendo Loyalty Points Awarded' },
      { sent: 'opted_in_to_okendo_referrals', stored: 'Opted In to Okendo Referrals' },
      { sent: 'checkout_started', stored: 'checkout_started' },
    ];
    for (const c of cases) {
      const r = await h.request('POST', '/api/v2/events', { shop, body: { type: c.sent, subscriber_id: sub.id } });
      assert.equal(r.status, 202, c.sent);
      const row = await h.database.db.selectFrom('events').select('type').where('id', '=', r.body.event_ids[0]).executeTakeFirstOrThrow();
      assert.equal(row.type, c.stored, c.sent);
    }
    const defs = (await h.request('GET', '/api/event-definitions', { shop })).body.event_definitions as {
      name: string;
      event_count: number;
    }[];
    assert.ok(defs.some((d) => d.name === 'Review Created' && d.event_count >= 1));
    assert.ok(!defs.some((d) => d.name === 'review_created'), 'no second definition under the safe name');
  });

  test('authentication runs before the body is read: no key and a malformed body is a 401', async () => {
    const r = await h.request('POST', '/api/v2/events', { body: '{"type": ' });
    assert.equal(r.status, 401);
    assert.deepEqual(r.body.errors[0].loc, ['header', 'authorization']);
    const bad = await h.request('POST', '/api/v2/events', { body: { nope: 1 }, headers: { authorization: 'Bearer pk_public' } });
    assert.equal(bad.status, 401);
    assert.match(bad.body.errors[0].msg, /public key/);
  });

  test('the batch extension: many events in one request, ids in order; one bad event refuses them all, naming it', async () => {
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    const body = {
      events: [0, 1, 2].map((i) => ({ type: 'Review Created', phone, external_id: `batch-x-${i}`, properties: { Rating: i + 3 } })),
    };
    const r = await h.request('POST', '/api/v2/events/batch', { shop, body });
    assert.equal(r.status, 202);
    assert.equal(r.body.event_ids.length, 3);
    const rows = await h.database.db.selectFrom('events').selectAll().where('id', 'in', r.body.event_ids).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    r.body.event_ids.forEach((id: string, i: number) => {
      assert.equal(byId.get(id)?.external_id, `batch-x-${i}`);
      assert.equal(byId.get(id)?.subscriber_id, sub.id);
    });
    const again = await h.request('POST', '/api/v2/events/batch', { shop, body });
    assert.deepEqual(again.body.event_ids, r.body.event_ids, 'a retried batch replays by external_id');
    const before = (await eventRows()).length;
    const bad = await h.request('POST', '/api/v2/events/batch', {
      shop,
      body: { events: [{ type: 'Review Created' }, { type: 'Review Created', phone: 'call me' }] },
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors[0].loc, ['body', 'events', 1, 'phone']);
    assert.equal((await eventRows()).length, before, 'nothing of a refused batch is stored');
    const tooMany = await h.request('POST', '/api/v2/events/batch', {
      shop,
      body: { events: Array.from({ length: 101 }, () => ({ type: 'x' })) },
    });
    assert.equal(tooMany.status, 400);
    assert.deepEqual(tooMany.body.errors[0].loc, ['body', 'events']);
  });
});
