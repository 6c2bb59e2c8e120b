import assert from 'node:assert/strict';
import { OKENDO_REVIEW_REQUEST_TRIGGER } from '@rapport/contract';
import { after, before, describe, test } from 'node:test';
import { createLegacyAutomation, listMessages, UnknownShopError, UnknownTriggerError } from '../src/index.js';
import { nextPhone, startHarness, type Harness, type Shop } from './harness.js';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

const TAGS = OKENDO_REVIEW_REQUEST_TRIGGER.tags.map((t) => t.key);

async function registerOkendo(shop: Shop): Promise<string> {
  const r = await h.request('POST', '/v1/triggers', { shop, body: { name: 'Okendo Review Request', tags: TAGS } });
  assert.ok(r.status === 201 || r.status === 200, JSON.stringify(r.body));
  return r.body.id;
}

function fire(shop: Shop, triggerId: string, subscriberId: string, tags: Record<string, unknown>, key?: string) {
  return h.request('POST', `/v1/triggers/${triggerId}/subscribers/${subscriberId}`, {
    shop,
    body: tags,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
}

async function automationRows(shopId: string) {
  return h.database.db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('purpose', '=', 'automation')
    .orderBy('created_at')
    .execute();
}

describe('v1 partner triggers and legacy automations', () => {
  test('registering is idempotent by name: same id, tags updated; list, get, delete, restore', async () => {
    const shop = await h.newShop();
    const a = await h.request('POST', '/v1/triggers', { shop, body: { name: 'Okendo Review Request', tags: ['review_url'] } });
    assert.equal(a.status, 201);
    assert.match(a.body.id, /^trg_/);
    assert.deepEqual(a.body.tags, ['review_url']);
    assert.equal(a.body.transactional_allowed, false);
    const b = await h.request('POST', '/v1/triggers', {
      shop,
      body: { name: 'Okendo Review Request', tags: TAGS, transactional_allowed: false },
    });
    assert.equal(b.status, 200);
    assert.equal(b.body.id, a.body.id);
    assert.deepEqual(b.body.tags, TAGS);
    const list = await h.request('GET', '/v1/triggers', { shop });
    assert.deepEqual(
      list.body.triggers.map((t: { id: string }) => t.id),
      [a.body.id],
    );
    assert.equal((await h.request('GET', `/v1/triggers/${a.body.id}`, { shop })).body.name, 'Okendo Review Request');
    const other = await h.newShop();
    assert.equal((await h.request('GET', `/v1/triggers/${a.body.id}`, { shop: other })).status, 404);
    assert.equal((await h.request('DELETE', `/v1/triggers/${a.body.id}`, { shop })).status, 200);
    assert.equal((await h.request('GET', `/v1/triggers/${a.body.id}`, { shop })).status, 404);
    const restored = await h.request('POST', '/v1/triggers', { shop, body: { name: 'Okendo Review Request', tags: TAGS } });
    assert.equal(restored.body.id, a.body.id);
    const bad = await h.request('POST', '/v1/triggers', { shop, body: { name: 'X', tags: ['review url'] } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors[0].loc, ['body', 'tags', 0]);
  });

  test('a fire sends exactly one text with the tags rendered; a replayed fire (same Idempotency-Key) sends nothing more', async () => {
    const shop = await h.newShop('Acme Tea');
    const triggerId = await registerOkendo(shop);
    await createLegacyAutomation(h.database, h.clock, {
      shopId: shop.shopId,
      trigger: 'Okendo Review Request',
      message: 'Hi {first_name|there}! How is your {name}? Review it: {review_url}',
      enabled: true,
    });
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    const tags = { review_url: 'https://reviews.example/r/abc', name: 'Earl Grey', first_name: 'Ada', order_number: '#1001' };
    const first = await fire(shop, triggerId, sub.id, tags, 'fire-key-1');
    assert.equal(first.status, 202);
    assert.equal(first.body.fired, true);
    assert.match(first.body.id, /^fire_/);
    await h.runDue();
    const expected = 'Hi Ada! How is your Earl Grey? Review it: https://reviews.example/r/abc\nReply STOP to unsubscribe';
    let texts = await h.texts(phone);
    assert.equal(texts.length, 3, 'opt-in prompt, confirmation, review request');
    assert.equal(texts[2], expected, 'the first marketing text carries opt-out language');

    const replay = await fire(shop, triggerId, sub.id, tags, 'fire-key-1');
    assert.equal(replay.status, 202);
    assert.deepEqual(replay.body, first.body);
    await h.runDue();
    texts = await h.texts(phone);
    assert.equal(texts.length, 3);
    assert.equal((await automationRows(shop.shopId)).length, 1);
    assert.equal((await h.database.db.selectFrom('trigger_fires').select('id').where('shop_id', '=', shop.shopId).execute()).length, 1);

    // A new fire (another review request) is a new text, now without the appended notice.
    await fire(shop, triggerId, sub.id, { ...tags, name: 'Oolong' }, 'fire-key-2');
    await h.runDue();
    texts = await h.texts(phone);
    assert.equal(texts.length, 4);
    assert.equal(texts[3], 'Hi Ada! How is your Oolong? Review it: https://reviews.example/r/abc');
    const rows = await automationRows(shop.shopId);
    assert.deepEqual(
      rows.map((r) => r.status),
      ['sent', 'sent'],
    );
    assert.equal(rows[0]?.segments, 1);
    const messages = await listMessages(h.database, { shopId: shop.shopId, to: phone });
    assert.equal(messages.length, 4);
    // What was sent carries a short link of ours in place of the review URL (texts() above reads it back).
    assert.match(
      messages[2]?.body ?? '',
      /^Hi Ada! How is your Earl Grey\? Review it: http:\/\/127\.0\.0\.1:\d+\/l\/[A-Za-z0-9_-]{8}\nReply STOP to unsubscribe$/,
    );
  });

  test('the wait a fire declares is kept on the trigger as of the latest fire that declares one', async () => {
    const shop = await h.newShop();
    const triggerId = await registerOkendo(shop);
    const sub = await h.subscribe(shop, nextPhone());
    const declared = async () => (await h.request('GET', `/v1/triggers/${triggerId}`, { shop })).body.declared_wait;
    assert.equal(await declared(), null, 'nothing declared before the first fire');

    const steps: { tags: Record<string, unknown>; expected: { days: number; after: string } | null; since: 'same' | 'new' }[] = [
      {
        tags: { okendo_sequence_wait_days: '14', okendo_sequence_wait_after: 'fulfillment' },
        expected: { days: 14, after: 'fulfillment' },
        since: 'new',
      },
      {
        tags: { okendo_sequence_wait_days: '14', okendo_sequence_wait_after: 'fulfillment' },
        expected: { days: 14, after: 'fulfillment' },
        since: 'same',
      },
      { tags: { review_url: 'https://r.example/x' }, expected: { days: 14, after: 'fulfillment' }, since: 'same' },
      {
        tags: { okendo_sequence_wait_days: 'soon', okendo_sequence_wait_after: 'delivery' },
        expected: { days: 14, after: 'fulfillment' },
        since: 'same',
      },
      {
        tags: { okendo_sequence_wait_days: '3', okendo_sequence_wait_after: 'delivery' },
        expected: { days: 3, after: 'delivery' },
        since: 'new',
      },
    ];
    let since: string | undefined;
    for (const step of steps) {
      h.clock.advance(60_000);
      assert.equal((await fire(shop, triggerId, sub.id, step.tags)).status, 202);
      const wait = await declared();
      assert.deepEqual(wait && { days: wait.days, after: wait.after }, step.expected, JSON.stringify(step.tags));
      if (step.since === 'new') assert.equal(wait.declared_at, h.clock.now().toISOString());
      else assert.equal(wait.declared_at, since);
      since = wait.declared_at;
    }
    const listed = (await h.request('GET', '/v1/triggers', { shop })).body.triggers[0];
    assert.deepEqual(listed.declared_wait, { days: 3, after: 'delivery', declared_at: since });
  });

  test('a fire for an opted-out subscriber is suppressed: no text', async () => {
    const shop = await h.newShop();
    const triggerId = await registerOkendo(shop);
    await createLegacyAutomation(h.database, h.clock, {
      shopId: shop.shopId,
      trigger: 'Okendo Review Request',
      message: 'Review: {review_url}',
      enabled: true,
    });
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    await h.reply(phone, 'STOP');
    const before = (await h.texts(phone)).length;
    const r = await fire(shop, triggerId, sub.id, { review_url: 'https://x.example' });
    assert.equal(r.status, 202);
    await h.runDue();
    assert.equal((await h.texts(phone)).length, before);
    const [row] = await automationRows(shop.shopId);
    assert.equal(row?.status, 'suppressed');
    assert.equal(row?.status_reason, 'opted_out');
  });

  test('a pending (unconfirmed) subscriber gets no automation text', async () => {
    const shop = await h.newShop();
    const triggerId = await registerOkendo(shop);
    await createLegacyAutomation(h.database, h.clock, {
      shopId: shop.shopId,
      trigger: 'Okendo Review Request',
      message: 'Review: {review_url}',
      enabled: true,
    });
    const phone = nextPhone();
    const created = await h.request('POST', '/api/v2/subscribers', { shop, body: { phone_number: phone } });
    await fire(shop, triggerId, created.body.id, { review_url: 'https://x.example' });
    await h.runDue();
    assert.equal((await h.texts(phone)).length, 1, 'only the opt-in prompt');
    const [row] = await automationRows(shop.shopId);
    assert.equal(row?.status_reason, 'not_confirmed');
  });

  test('disabled automations do not run; delays hold the text; unknown tags render empty with a warning', async () => {
    const shop = await h.newShop();
    const triggerId = await registerOkendo(shop);
    await createLegacyAutomation(h.database, h.clock, {
      shopId: shop.shopId,
      trigger: 'Okendo Review Request',
      message: 'disabled',
      enabled: false,
    });
    await createLegacyAutomation(h.database, h.clock, {
      shopId: shop.shopId,
      trigger: 'Okendo Review Request',
      message: 'Later: {review_url} {order_number}',
      delayMinutes: 60,
      enabled: true,
    });
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    await fire(shop, triggerId, sub.id, { review_url: 'https://r.example' });
    await h.runDue();
    assert.equal((await h.texts(phone)).length, 2);
    const [row] = await automationRows(shop.shopId);
    assert.equal(row?.status, 'queued');
    assert.equal(row?.send_at, new Date(h.clock.now().getTime() + 3_600_000).toISOString());
    assert.deepEqual(JSON.parse(row?.warnings ?? '[]'), ['tag {order_number} has no value and no fallback; rendered empty']);
    h.clock.advance(59 * 60_000);
    await h.runDue();
    assert.equal((await h.texts(phone)).length, 2);
    h.clock.advance(60_000);
    await h.runDue();
    const texts = await h.texts(phone);
    assert.equal(texts.length, 3);
    assert.equal(texts[2], 'Later: https://r.example \nReply STOP to unsubscribe');
  });

  test('firing needs a known trigger and subscriber of this shop; tag values must be scalars', async () => {
    const shop = await h.newShop();
    const triggerId = await registerOkendo(shop);
    const sub = await h.subscribe(shop, nextPhone());
    const noSub = await fire(shop, triggerId, 's_missing', {});
    assert.equal(noSub.status, 404);
    assert.deepEqual(noSub.body.errors[0].loc, ['path', 'subscriber_id']);
    const noTrigger = await fire(shop, 'trg_missing', sub.id, {});
    assert.equal(noTrigger.status, 404);
    assert.deepEqual(noTrigger.body.errors[0].loc, ['path', 'trigger_id']);
    const nested = await fire(shop, triggerId, sub.id, { review_url: { a: 1 } });
    assert.equal(nested.status, 400);
    assert.deepEqual(nested.body.errors[0].loc, ['body', 'review_url']);
    const empty = await h.request('POST', `/v1/triggers/${triggerId}/subscribers/${sub.id}`, { shop });
    assert.equal(empty.status, 202);
  });

  test('createLegacyAutomation names an unknown shop or trigger clearly', async () => {
    await assert.rejects(
      createLegacyAutomation(h.database, h.clock, { shopId: 'shop_nope', trigger: 'Okendo Review Request', message: 'x', enabled: true }),
      (err: Error) => err instanceof UnknownShopError && /shop_nope/.test(err.message),
    );
    const shop = await h.newShop();
    await assert.rejects(
      createLegacyAutomation(h.database, h.clock, { shopId: shop.shopId, trigger: 'Okendo Review Request', message: 'x', enabled: true }),
      (err: Error) => err instanceof UnknownTriggerError && /Okendo Review Request/.test(err.message),
    );
  });

  test("quiet hours follow the recipient's area code: at 20:30 Eastern, Florida waits, Los Angeles (17:30) does not", async () => {
    const shop = await h.newShop();
    const triggerId = await registerOkendo(shop);
    await createLegacyAutomation(h.database, h.clock, {
      shopId: shop.shopId,
      trigger: 'Okendo Review Request',
      message: 'Evening: {review_url} Reply STOP to opt out',
      enabled: true,
    });
    const florida = nextPhone('305');
    const california = nextPhone('213');
    const fl = await h.subscribe(shop, florida);
    const ca = await h.subscribe(shop, california);
    const located = await h.database.db
      .selectFrom('subscribers')
      .select(['id', 'time_zones', 'region'])
      .where('shop_id', '=', shop.shopId)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      located.map((r) => [r.id, JSON.parse(r.time_zones), r.region]),
      [
        [fl.id, ['America/New_York'], 'FL'],
        [ca.id, ['America/Los_Angeles'], 'CA'],
      ],
    );
    h.clock.set(new Date('2026-03-11T00:30:00Z')); // 20:30 EDT, 17:30 PDT
    await fire(shop, triggerId, fl.id, { review_url: 'https://r.example/fl' });
    await fire(shop, triggerId, ca.id, { review_url: 'https://r.example/ca' });
    await h.runDue();
    assert.equal((await h.texts(florida)).length, 2, 'Florida: 8 pm rule holds it');
    assert.equal((await h.texts(california)).length, 3);
    const flRow = (await automationRows(shop.shopId)).find((r) => r.subscriber_id === fl.id);
    assert.equal(flRow?.held_until, '2026-03-11T12:00:00.000Z');
  });

  // Runs last: it moves the shared clock to the evening.
  test('quiet hours: a fire at 23:00 local is held until 08:00 local, then sent once', async () => {
    const shop = await h.newShop();
    const triggerId = await registerOkendo(shop);
    await createLegacyAutomation(h.database, h.clock, {
      shopId: shop.shopId,
      trigger: 'Okendo Review Request',
      message: 'Review: {review_url} Reply STOP to opt out',
      enabled: true,
    });
    const phone = nextPhone('212'); // New York
    h.clock.set(new Date('2026-03-11T03:00:00Z')); // 23:00 EDT
    const sub = await h.subscribe(shop, phone); // the opt-in prompt and confirmation answer the consumer: not held
    assert.equal((await h.texts(phone)).length, 2);
    await fire(shop, triggerId, sub.id, { review_url: 'https://r.example/night' });
    await h.runDue();
    assert.equal((await h.texts(phone)).length, 2, 'held, not sent');
    const [held] = await automationRows(shop.shopId);
    assert.equal(held?.status, 'queued', 'held, not dropped');
    assert.equal(held?.held_until, '2026-03-11T12:00:00.000Z');

    h.clock.set(new Date('2026-03-11T11:59:00Z')); // 07:59
    await h.runDue();
    assert.equal((await h.texts(phone)).length, 2);
    h.clock.set(new Date('2026-03-11T12:00:00Z')); // 08:00
    await h.runDue();
    const texts = await h.texts(phone);
    assert.equal(texts.length, 3);
    assert.equal(texts[2], 'Review: https://r.example/night Reply STOP to opt out');
    await h.runDue();
    assert.equal((await h.texts(phone)).length, 3);
  });
});
