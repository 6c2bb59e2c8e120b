import { EVENT_TYPE_NAMES } from '@rapport/contract';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nextPhone, startHarness, type Harness, type Shop } from './harness.js';

/**
 * The seed's "Using Okendo Profile Properties and Events Data in Postscript": a legacy automation on any
 * of the Okendo event types (or a custom type the shop has sent) texts the subscriber the event names,
 * with the event's properties as tags — once per event, never for a replay, never for a stranger.
 */

let h: Harness;
let shop: Shop;
before(async () => {
  h = await startHarness();
  shop = await h.newShop('Event Automation Shop');
  await h.request('POST', '/v1/triggers', { shop, body: { name: 'Okendo Review Request', tags: ['review_url'] } });
});
after(() => h.close());

let externalId = 0;
async function sendEvent(type: string, who: { subscriber_id?: string; phone?: string }, properties: Record<string, unknown>, id?: string) {
  const r = await h.request('POST', '/api/v2/events', {
    shop,
    body: { type, ...who, properties, external_id: id ?? `evt-${++externalId}` },
  });
  assert.equal(r.status, 202, JSON.stringify(r.body));
  return r.body.event_ids[0] as string;
}

async function automation(trigger: string, messages: { body: string; delay_minutes?: number }[], enabled = true) {
  const r = await h.request('POST', '/api/automations', { shop, body: { name: `On ${trigger}`, trigger, messages, enabled } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body as { id: string; trigger: { id: string; name: string; kind: string }; messages: { warnings: string[] }[] };
}

/** Texts an automation queued, with their state. */
async function outboxOf(automationId: string) {
  return h.database.db
    .selectFrom('outbox_messages')
    .select(['body', 'status', 'status_reason', 'step', 'fire_id'])
    .where('automation_id', '=', automationId)
    .orderBy('step')
    .execute();
}

describe('the Automation Trigger list', () => {
  test('partner triggers, every event type of the contract with its properties before any event arrived, then custom types once sent', async () => {
    const before = await h.request('GET', '/api/automation-triggers', { shop });
    assert.equal(before.status, 200);
    const names = before.body.triggers.map((t: { name: string }) => t.name);
    assert.deepEqual(names, ['Okendo Review Request', ...EVENT_TYPE_NAMES, 'Clicked Link']);
    assert.equal(EVENT_TYPE_NAMES.length, 19);
    const reviewCreated = before.body.triggers.find((t: { name: string }) => t.name === 'Review Created');
    assert.deepEqual({ kind: reviewCreated.kind, source: reviewCreated.source }, { kind: 'event', source: 'catalog' });
    for (const tag of ['Product Name', 'Rating', 'Is Recommended', 'Okendo Number of Reviews'])
      assert.ok(reviewCreated.tags.includes(tag), tag);
    assert.deepEqual(before.body.triggers[0], {
      name: 'Okendo Review Request',
      kind: 'partner',
      tags: ['review_url'],
      declared_wait: null,
    });

    const sub = await h.subscribe(shop, nextPhone());
    await sendEvent('Back In Stock', { subscriber_id: sub.id }, { 'Product Name': 'Linen Shirt', Size: 'M' });
    const afterSent = await h.request('GET', '/api/automation-triggers', { shop });
    assert.deepEqual(afterSent.body.triggers.at(-1), {
      name: 'Back In Stock',
      kind: 'event',
      source: 'custom',
      tags: ['Product Name', 'Size'],
      declared_wait: null,
    });
  });
});

describe('event-triggered legacy automations', () => {
  const stories: {
    story: string;
    trigger: string;
    message: string;
    properties: Record<string, unknown>;
    text: string;
  }[] = [
    {
      story: 'a review was written: thank the reviewer, naming the product',
      trigger: 'Review Created',
      message: 'Thanks for reviewing {Product Name}, {first_name|there}! {Rating} stars.',
      properties: { 'Product Name': 'Linen Shirt', Rating: 5, 'Is Recommended': true },
      text: 'Thanks for reviewing Linen Shirt, Ada! 5 stars.',
    },
    {
      story: 'points were awarded: say how many',
      trigger: 'Okendo Loyalty Points Awarded',
      message: 'You just earned {Points Earned} points for {Action}.',
      properties: { 'Points Earned': 50, Description: 'Wrote a review', Action: 'a review' },
      text: 'You just earned 50 points for a review.',
    },
    {
      story: 'a custom event type the shop has sent: its properties are tags too (snake-case spelling accepted)',
      trigger: 'Back In Stock',
      message: '{product_name} is back in size {Size}',
      properties: { 'Product Name': 'Linen Shirt', Size: 'M' },
      text: 'Linen Shirt is back in size M',
    },
  ];

  for (const s of stories) {
    test(s.story, async () => {
      const a = await automation(s.trigger, [{ body: s.message }]);
      assert.deepEqual({ name: a.trigger.name, kind: a.trigger.kind }, { name: s.trigger, kind: 'event' });
      assert.deepEqual(a.messages[0]!.warnings, [], 'every tag is one of the trigger’s');
      const phone = nextPhone();
      const sub = await h.subscribe(shop, phone, { first_name: 'Ada' });
      await sendEvent(s.trigger, { subscriber_id: sub.id }, s.properties);
      await h.runDue();
      assert.equal((await h.texts(phone)).at(-1)?.split('\n')[0], s.text);
      await h.request('DELETE', `/api/automations/${a.id}`, { shop });
    });
  }

  test('exactly once per event: a replayed event, a stranger’s event, a disabled automation and another type start nothing', async () => {
    const a = await automation('Submitted Okendo Quiz', [{ body: 'Your quiz results: {Redirect URL|ready in your inbox}' }]);
    const off = await automation('Submitted Okendo Quiz', [{ body: 'never sent' }], false);
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    const first = await sendEvent('Submitted Okendo Quiz', { subscriber_id: sub.id }, {}, 'quiz-1');
    const replay = await sendEvent('Submitted Okendo Quiz', { subscriber_id: sub.id }, {}, 'quiz-1');
    assert.equal(replay, first, 'the replay answers with the stored event');
    await sendEvent('Submitted Okendo Quiz', { phone: nextPhone() }, {}); // not a subscriber: stored, starts nothing
    await sendEvent('Submitted Okendo Survey', { subscriber_id: sub.id }, {});
    await h.runDue();
    const rows = await outboxOf(a.id);
    assert.deepEqual(
      rows.map((r) => [r.fire_id, r.status]),
      [[first, 'sent']],
    );
    assert.equal((await outboxOf(off.id)).length, 0);
    assert.equal((await h.texts(phone)).filter((t) => t.startsWith('Your quiz results')).length, 1);

    // Two events of the type in one batch request: two causes, two texts.
    const batch = await h.request('POST', '/api/v2/events/batch', {
      shop,
      body: {
        events: [
          { type: 'Submitted Okendo Quiz', subscriber_id: sub.id, external_id: 'quiz-2' },
          { type: 'Submitted Okendo Quiz', subscriber_id: sub.id, external_id: 'quiz-3' },
        ],
      },
    });
    assert.equal(batch.status, 202, JSON.stringify(batch.body));
    await h.runDue();
    assert.equal((await outboxOf(a.id)).length, 3);
    await h.request('DELETE', `/api/automations/${a.id}`, { shop });
    await h.request('DELETE', `/api/automations/${off.id}`, { shop });
  });

  for (const stop of [
    {
      how: 'disabling',
      reason: 'automation_disabled',
      act: (id: string) => h.request('PATCH', `/api/automations/${id}`, { shop, body: { enabled: false } }),
    },
    { how: 'deleting', reason: 'automation_deleted', act: (id: string) => h.request('DELETE', `/api/automations/${id}`, { shop }) },
  ]) {
    test(`several messages, each with its delay; ${stop.how} the automation suppresses the steps not sent yet, with the reason`, async () => {
      const a = await automation('Okendo Loyalty Tier Changed', [
        { body: 'Welcome to {New Tier}!' },
        { body: 'Your {New Tier} perks are waiting', delay_minutes: 60 },
        { body: 'Last reminder about {New Tier}', delay_minutes: 24 * 60 },
      ]);
      const phone = nextPhone();
      const sub = await h.subscribe(shop, phone);
      await sendEvent('Okendo Loyalty Tier Changed', { subscriber_id: sub.id }, { 'Old Tier': 'Silver', 'New Tier': 'Gold' });
      await h.runDue();
      h.clock.advance(60 * 60_000);
      await h.runDue();
      assert.deepEqual(
        (await h.texts(phone)).slice(-2).map((t) => t.split('\n')[0]),
        ['Welcome to Gold!', 'Your Gold perks are waiting'],
      );
      assert.equal((await stop.act(a.id)).status, 200);
      h.clock.advance(24 * 60 * 60_000);
      await h.runDue();
      assert.deepEqual(
        (await outboxOf(a.id)).map((r) => [r.step, r.status, r.status_reason]),
        [
          [0, 'sent', null],
          [1, 'sent', null],
          [2, 'suppressed', stop.reason],
        ],
      );
      assert.equal((await h.texts(phone)).at(-1)?.split('\n')[0], 'Your Gold perks are waiting', 'the last step never went');
    });
  }

  test('event types are not partner triggers: /v1/triggers does not list them, and a partner may register the same name', async () => {
    const a = await automation('Review Request Created', [{ body: 'x' }]);
    const partner = await h.request('GET', '/v1/triggers', { shop });
    assert.deepEqual(
      partner.body.triggers.map((t: { name: string }) => t.name),
      ['Okendo Review Request'],
    );
    assert.equal((await h.request('GET', `/v1/triggers/${a.trigger.id}`, { shop })).status, 404);
    const same = await h.request('POST', '/v1/triggers', { shop, body: { name: 'Review Request Created', tags: ['review_url'] } });
    assert.equal(same.status, 201, JSON.stringify(same.body));
    assert.notEqual(same.body.id, a.trigger.id);
    // The existing automation keeps its event type; a new one on the name gets the partner trigger.
    assert.equal((await h.request('GET', `/api/automations/${a.id}`, { shop })).body.trigger.kind, 'event');
    assert.equal((await automation('Review Request Created', [{ body: 'y' }])).trigger.kind, 'partner');
  });

  test('a custom type’s new keys become tags once its events carry them', async () => {
    const sub = await h.subscribe(shop, nextPhone());
    await sendEvent('Price Drop', { subscriber_id: sub.id }, { 'Product Name': 'Tee' });
    const a = await automation('Price Drop', [{ body: '{Product Name} is cheaper' }]);
    const early = await h.request('PATCH', `/api/automations/${a.id}`, {
      shop,
      body: { messages: [{ body: '{Product Name} now {New Price}' }] },
    });
    assert.equal(early.status, 400, 'no Price Drop event has carried New Price yet');
    await sendEvent('Price Drop', { subscriber_id: sub.id }, { 'Product Name': 'Tee', 'New Price': '$12' });
    const later = await h.request('PATCH', `/api/automations/${a.id}`, {
      shop,
      body: { messages: [{ body: '{Product Name} now {New Price}' }] },
    });
    assert.equal(later.status, 200, JSON.stringify(later.body));
    assert.deepEqual(later.body.messages[0].warnings, []);
    await h.request('DELETE', `/api/automations/${a.id}`, { shop });
  });

  test('an unknown trigger name is a 422 naming the field', async () => {
    const r = await h.request('POST', '/api/automations', {
      shop,
      body: { trigger: 'Reviw Created', messages: [{ body: 'x' }], enabled: true },
    });
    assert.equal(r.status, 422);
    assert.deepEqual(r.body.errors[0].loc, ['body', 'trigger']);
    assert.match(r.body.errors[0].msg, /Reviw Created/);
  });
});
