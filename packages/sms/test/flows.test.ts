/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON, read by assertions */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FlowGraph, FlowNode } from '../src/schemas/flows.js';
import { nextPhone, startHarness, type Harness, type Shop } from './harness.js';

/**
 * The seed's tip — "by using automation flows instead of legacy automations" — as stories on a frozen
 * clock, through the public API: each flow is published, events arrive for subscribers, the clock moves
 * and the texts that reach the dev carrier are what the merchant designed.
 */

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let externalId = 0;
async function sendEvent(shop: Shop, type: string, subscriberId: string, properties: Record<string, unknown>, id?: string) {
  const r = await h.request('POST', '/api/v2/events', {
    shop,
    body: { type, subscriber_id: subscriberId, properties, external_id: id ?? `flow-evt-${++externalId}` },
  });
  assert.equal(r.status, 202, JSON.stringify(r.body));
  return r.body.event_ids[0] as string;
}

const graph = (trigger: FlowGraph['trigger'], nodes: FlowNode[], extra: Partial<FlowGraph> = {}): FlowGraph => ({
  version: 1,
  trigger,
  reentry: { mode: 'every_time' },
  start: nodes[0]!.id,
  nodes,
  ...extra,
});

async function publish(shop: Shop, name: string, g: FlowGraph) {
  const r = await h.request('POST', '/api/flows', { shop, body: { name, graph: g, publish: true } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.status, 'live');
  return r.body as { id: string };
}

const view = async (shop: Shop, id: string) => (await h.request('GET', `/api/flows/${id}`, { shop })).body;
/** Texts the phone got, without the opt-out notice the first marketing text carries. */
const textsTo = async (phone: string) =>
  (await h.texts(phone)).filter((t) => !/Reply Y|^You've subscribed/i.test(t)).map((t) => t.split('\n')[0]);
async function advance(ms: number) {
  h.clock.advance(ms);
  await h.runDue();
}

describe('Review Created with Rating <= 2 → wait 1 hour → an apology', () => {
  let shop: Shop;
  let flowId: string;
  before(async () => {
    shop = await h.newShop('Apology Shop');
    flowId = (
      await publish(
        shop,
        'Low rating apology',
        graph({ kind: 'event', event_type: 'Review Created', filters: [{ property: 'Rating', op: '<=', value: 2 }] }, [
          { id: 'wait', type: 'delay', duration: { hours: 1 }, next: 'sorry' },
          {
            id: 'sorry',
            type: 'message',
            body: 'Sorry {Product Name} let you down, {first_name|there}. Reply and we will make it right.',
            next: null,
          },
        ]),
      )
    ).id;
  });

  const stories = [
    {
      story: 'a 1-star review gets the apology an hour later',
      rating: 1,
      texts: ['Sorry Linen Shirt let you down, Ada. Reply and we will make it right.'],
    },
    { story: 'a 2-star review too', rating: 2, texts: ['Sorry Linen Shirt let you down, Ada. Reply and we will make it right.'] },
    { story: 'a 5-star review gets nothing', rating: 5, texts: [] },
  ];
  for (const s of stories) {
    test(s.story, async () => {
      const phone = nextPhone();
      const sub = await h.subscribe(shop, phone, { first_name: 'Ada' });
      await sendEvent(shop, 'Review Created', sub.id, { 'Product Name': 'Linen Shirt', Rating: s.rating, 'Is Recommended': false });
      await h.runDue();
      assert.deepEqual(await textsTo(phone), [], 'nothing before the hour is up');
      await advance(HOUR - 60_000);
      assert.deepEqual(await textsTo(phone), []);
      await advance(60_000);
      assert.deepEqual(await textsTo(phone), s.texts);
    });
  }

  test('the per-node counts and each run’s history say what happened', async () => {
    const v = await view(shop, flowId);
    assert.deepEqual(v.counts.wait, { entered: 2, waiting: 0, moved_on: 2, exited: 0, clicks: 0 });
    assert.deepEqual(v.counts.sorry, { entered: 2, waiting: 0, moved_on: 2, exited: 0, clicks: 0 });
    assert.deepEqual(v.runs, { in_progress: 0, completed: 2, exited: 0 });
    assert.equal(v.texts_sent, 2);
    const runs = (await h.request('GET', `/api/flows/${flowId}/runs`, { shop })).body.runs;
    assert.deepEqual(
      runs[0].steps.map((s: any) => [s.node_id, s.outcome]),
      [
        ['wait', 'waited 1 h'],
        ['sorry', 'text queued'],
      ],
    );
    const profile = (await h.request('GET', `/api/subscribers/${runs[0].subscriber_id}/flow-runs`, { shop })).body.runs;
    assert.deepEqual(
      profile.map((r: any) => [r.flow.name, r.status]),
      [['Low rating apology', 'completed']],
    );
  });

  test('a replayed event (same external_id) starts nothing', async () => {
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone, { first_name: 'Ada' });
    await sendEvent(shop, 'Review Created', sub.id, { 'Product Name': 'Linen Shirt', Rating: 1 }, 'replayed-review');
    await sendEvent(shop, 'Review Created', sub.id, { 'Product Name': 'Linen Shirt', Rating: 1 }, 'replayed-review');
    await advance(HOUR);
    assert.equal((await textsTo(phone)).length, 1);
  });
});

describe('Review Request Created → wait 3 days for the review → a reminder only if it never came', () => {
  let shop: Shop;
  before(async () => {
    shop = await h.newShop('Reminder Shop');
    await publish(
      shop,
      'Review reminder',
      graph({ kind: 'event', event_type: 'Review Request Created' }, [
        {
          id: 'await',
          type: 'wait_for_event',
          event_type: 'Review Created',
          match_property: 'Review Request Id',
          max_wait: { days: 3 },
          happened: null,
          never_happened: 'remind',
        },
        { id: 'remind', type: 'message', body: 'Still time to review {Name}: {Review Url}', next: null },
      ]),
    );
  });

  const request = (id: string) => ({
    'Review Request Id': id,
    'Review Url': `https://reviews.example/r/${id}`,
    Name: 'Linen Shirt',
  });
  const stories = [
    {
      story: 'no review in 3 days: the reminder, with the review link',
      review: null,
      texts: ['Still time to review Linen Shirt: https://reviews.example/r/rr-A'],
    },
    { story: 'the review came on day 1: no reminder', review: { after: DAY, id: 'rr-A' }, texts: [] },
    {
      story: 'a review of another request does not count: the reminder still goes',
      review: { after: DAY, id: 'rr-OTHER' },
      texts: ['Still time to review Linen Shirt: https://reviews.example/r/rr-A'],
    },
  ];
  for (const s of stories) {
    test(s.story, async () => {
      const phone = nextPhone();
      const sub = await h.subscribe(shop, phone);
      await sendEvent(shop, 'Review Request Created', sub.id, request('rr-A'));
      await h.runDue();
      let waited = 0;
      if (s.review) {
        await advance(s.review.after);
        waited = s.review.after;
        await sendEvent(shop, 'Review Created', sub.id, { 'Review Request Id': s.review.id, Rating: 5, 'Product Name': 'Linen Shirt' });
        await h.runDue();
      }
      await advance(3 * DAY - waited - 60_000);
      assert.deepEqual(await textsTo(phone), [], 'nothing before the 3 days are up');
      await advance(60_000);
      assert.deepEqual(await textsTo(phone), s.texts);
    });
  }
});

describe('loyalty: points awarded, and a reminder 7 days before they expire', () => {
  test('Okendo Loyalty Points Awarded → a text with {Points Earned}, at once', async () => {
    const shop = await h.newShop('Points Shop');
    await publish(
      shop,
      'Points earned',
      graph({ kind: 'event', event_type: 'Okendo Loyalty Points Awarded' }, [
        { id: 'tell', type: 'message', body: 'You just earned {Points Earned} points, {first_name|there}!', next: null },
      ]),
    );
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone, { first_name: 'Grace' });
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', sub.id, { 'Points Earned': 50, Description: 'Wrote a review' });
    await h.runDue();
    assert.deepEqual(await textsTo(phone), ['You just earned 50 points, Grace!']);
  });

  test('delay until Okendo Loyalty Points Expiry Date minus 7 days', async () => {
    const shop = await h.newShop('Expiry Shop');
    await publish(
      shop,
      'Points expiry',
      graph({ kind: 'event', event_type: 'Okendo Loyalty Points Awarded' }, [
        {
          id: 'until',
          type: 'delay_until',
          until: { date_property: 'Okendo Loyalty Points Expiry Date', source: 'subscriber', offset_days: -7 },
          next: 'warn',
        },
        { id: 'warn', type: 'message', body: 'Your {Okendo Loyalty Points Balance} points expire in a week.', next: null },
      ]),
    );
    const phone = nextPhone();
    const expiry = new Date(h.clock.now().getTime() + 10 * DAY).toISOString();
    const sub = await h.subscribe(shop, phone, {
      properties: { 'Okendo Loyalty Points Expiry Date': expiry, 'Okendo Loyalty Points Balance': 320 },
    });
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', sub.id, { 'Points Earned': 20 });
    await h.runDue();
    await advance(3 * DAY - HOUR);
    assert.deepEqual(await textsTo(phone), [], 'not before expiry − 7 days');
    await advance(HOUR);
    assert.deepEqual(await textsTo(phone), ['Your 320 points expire in a week.']);

    // A subscriber without the date: the run ends there, saying why, and sends nothing.
    const other = nextPhone();
    const none = await h.subscribe(shop, other);
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', none.id, { 'Points Earned': 20 });
    await h.runDue();
    const [run] = (await h.request('GET', `/api/subscribers/${none.id}/flow-runs`, { shop })).body.runs;
    assert.deepEqual([run.status, run.end_reason], ['exited', 'no_date:Okendo Loyalty Points Expiry Date']);
    assert.deepEqual(await textsTo(other), []);
  });
});

describe('re-entry, exit events, edits, pausing, deleting', () => {
  test('re-entry once per 7 days: a second award on day 3 starts nothing, a third on day 8 does', async () => {
    const shop = await h.newShop('Reentry Shop');
    await publish(
      shop,
      'Weekly thanks',
      graph(
        { kind: 'event', event_type: 'Okendo Loyalty Points Awarded' },
        [{ id: 'thanks', type: 'message', body: 'Thanks for {Points Earned} points of loyalty', next: null }],
        { reentry: { mode: 'once_per_days', days: 7 } },
      ),
    );
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', sub.id, { 'Points Earned': 1 });
    await advance(3 * DAY);
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', sub.id, { 'Points Earned': 2 });
    await advance(5 * DAY);
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', sub.id, { 'Points Earned': 3 });
    await h.runDue();
    assert.deepEqual(await textsTo(phone), ['Thanks for 1 points of loyalty', 'Thanks for 3 points of loyalty']);
  });

  test('an exit event mid-delay ends the run: the review came, so no reminder', async () => {
    const shop = await h.newShop('Exit Shop');
    const { id } = await publish(
      shop,
      'Reminder with exit',
      graph(
        { kind: 'event', event_type: 'Review Request Created' },
        [
          { id: 'wait', type: 'delay', duration: { days: 3 }, next: 'remind' },
          { id: 'remind', type: 'message', body: 'Review {Name}: {Review Url}', next: null },
        ],
        { exit_events: [{ event_type: 'Review Created', match_property: 'Review Request Id' }] },
      ),
    );
    const [stays, leaves] = [nextPhone(), nextPhone()];
    for (const [phone, rr] of [
      [stays, 'rr-1'],
      [leaves, 'rr-2'],
    ] as const) {
      const sub = await h.subscribe(shop, phone);
      await sendEvent(shop, 'Review Request Created', sub.id, {
        'Review Request Id': rr,
        'Review Url': `https://r.example/${rr}`,
        Name: 'Mug',
      });
      if (phone === leaves) {
        await advance(DAY);
        await sendEvent(shop, 'Review Created', sub.id, { 'Review Request Id': rr, Rating: 4 });
      }
    }
    await advance(3 * DAY);
    assert.deepEqual(await textsTo(stays), ['Review Mug: https://r.example/rr-1']);
    assert.deepEqual(await textsTo(leaves), []);
    const v = await view(shop, id);
    assert.deepEqual(v.counts.wait, { entered: 2, waiting: 0, moved_on: 1, exited: 1, clicks: 0 });
    assert.deepEqual(v.runs, { in_progress: 0, completed: 1, exited: 1 });
  });

  test('a flow edited while runs wait: runs in flight finish on their version, new runs take the new one', async () => {
    const shop = await h.newShop('Edit Shop');
    const g = (body: string) =>
      graph({ kind: 'event', event_type: 'Okendo Loyalty Points Awarded' }, [
        { id: 'wait', type: 'delay', duration: { days: 1 }, next: 'say' },
        { id: 'say', type: 'message', body, next: null },
      ]);
    const { id } = await publish(shop, 'Edited', g('first version'));
    const [early, late] = [nextPhone(), nextPhone()];
    const a = await h.subscribe(shop, early);
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', a.id, { 'Points Earned': 1 });
    const saved = await h.request('PATCH', `/api/flows/${id}`, { shop, body: { graph: g('second version') } });
    assert.equal(saved.status, 200);
    assert.equal(saved.body.unpublished_changes, true);
    const published = await h.request('POST', `/api/flows/${id}/publish`, { shop });
    assert.equal(published.body.published_version, 2);
    const b = await h.subscribe(shop, late);
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', b.id, { 'Points Earned': 1 });
    await advance(DAY);
    assert.deepEqual(await textsTo(early), ['first version']);
    assert.deepEqual(await textsTo(late), ['second version']);
    assert.deepEqual(
      (await view(shop, id)).versions.map((v: any) => [v.version, v.runs]),
      [
        [1, 1],
        [2, 1],
      ],
    );
  });

  test('pausing stops runs before their next step and lets nobody in; resuming sends what came due', async () => {
    const shop = await h.newShop('Pause Shop');
    const { id } = await publish(
      shop,
      'Paused',
      graph({ kind: 'event', event_type: 'Okendo Loyalty Points Awarded' }, [
        { id: 'wait', type: 'delay', duration: { hours: 1 }, next: 'say' },
        { id: 'say', type: 'message', body: 'after the pause', next: null },
      ]),
    );
    const [waiting, newcomer] = [nextPhone(), nextPhone()];
    const a = await h.subscribe(shop, waiting);
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', a.id, { 'Points Earned': 1 });
    assert.equal((await h.request('POST', `/api/flows/${id}/pause`, { shop })).body.status, 'paused');
    const b = await h.subscribe(shop, newcomer);
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', b.id, { 'Points Earned': 1 });
    await advance(2 * HOUR);
    assert.deepEqual(await textsTo(waiting), []);
    assert.equal((await h.request('POST', `/api/flows/${id}/resume`, { shop })).body.status, 'live');
    await h.runDue();
    assert.deepEqual(await textsTo(waiting), ['after the pause']);
    assert.deepEqual(await textsTo(newcomer), [], 'nobody entered while it was paused');
  });

  test('deleting a flow ends its runs: nothing more is sent', async () => {
    const shop = await h.newShop('Delete Shop');
    const { id } = await publish(
      shop,
      'Deleted',
      graph({ kind: 'event', event_type: 'Okendo Loyalty Points Awarded' }, [
        { id: 'wait', type: 'delay', duration: { hours: 1 }, next: 'say' },
        { id: 'say', type: 'message', body: 'never', next: null },
      ]),
    );
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', sub.id, { 'Points Earned': 1 });
    assert.equal((await h.request('DELETE', `/api/flows/${id}`, { shop })).status, 200);
    await advance(2 * HOUR);
    assert.deepEqual(await textsTo(phone), []);
    const [run] = (await h.request('GET', `/api/subscribers/${sub.id}/flow-runs`, { shop })).body.runs;
    assert.deepEqual([run.status, run.end_reason], ['exited', 'flow_deleted']);
    assert.equal((await h.request('GET', `/api/flows/${id}`, { shop })).status, 404);
  });
});

describe('splits and tags', () => {
  test('a conditional split on a tag, a tag step, and a trigger split on the event', async () => {
    const shop = await h.newShop('Split Shop');
    await publish(
      shop,
      'VIP welcome',
      graph({ kind: 'event', event_type: 'Okendo Loyalty Points Awarded' }, [
        { id: 'is-vip', type: 'conditional_split', conditions: [{ subject: 'tag', op: 'has', tag: 'vip' }], yes: 'is-big', no: 'make-vip' },
        { id: 'make-vip', type: 'tag', action: 'add', tag: 'vip', next: 'welcome' },
        { id: 'welcome', type: 'message', body: 'Welcome to VIP', next: null },
        { id: 'is-big', type: 'trigger_split', conditions: [{ property: 'Points Earned', op: '>=', value: 100 }], yes: 'big', no: null },
        { id: 'big', type: 'message', body: 'Wow, {Points Earned} points', next: null },
      ]),
    );
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', sub.id, { 'Points Earned': 10 });
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', sub.id, { 'Points Earned': 20 });
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', sub.id, { 'Points Earned': 150 });
    await h.runDue();
    assert.deepEqual(await textsTo(phone), ['Welcome to VIP', 'Wow, 150 points']);
    const s = (await h.request('GET', `/api/v2/subscribers/${sub.id}`, { shop })).body;
    assert.ok(s.tags.includes('vip'));
  });

  test('a random split sends each run down one branch, the same one if the move is repeated', async () => {
    const shop = await h.newShop('AB Shop');
    const { id } = await publish(
      shop,
      'A/B',
      graph({ kind: 'event', event_type: 'Okendo Loyalty Points Awarded' }, [
        {
          id: 'ab',
          type: 'random_split',
          branches: [
            { percent: 50, next: 'a' },
            { percent: 50, next: 'b' },
          ],
        },
        { id: 'a', type: 'message', body: 'variant A', next: null },
        { id: 'b', type: 'message', body: 'variant B', next: null },
      ]),
    );
    const phones = Array.from({ length: 12 }, () => nextPhone());
    for (const phone of phones) {
      const sub = await h.subscribe(shop, phone);
      await sendEvent(shop, 'Okendo Loyalty Points Awarded', sub.id, { 'Points Earned': 1 });
    }
    await h.runDue();
    const got = await Promise.all(phones.map(textsTo));
    for (const texts of got) assert.equal(texts.length, 1);
    const counts = (await view(shop, id)).counts;
    assert.equal(counts.a.entered + counts.b.entered, 12);
    assert.equal(counts.ab.moved_on, 12);
  });
});

describe('every send obeys consent and quiet hours', () => {
  test('a subscriber who texts STOP during the wait gets nothing; the text is suppressed with the reason', async () => {
    const shop = await h.newShop('Stop Shop');
    await publish(
      shop,
      'Stopped',
      graph({ kind: 'event', event_type: 'Okendo Loyalty Points Awarded' }, [
        { id: 'wait', type: 'delay', duration: { hours: 1 }, next: 'say' },
        { id: 'say', type: 'message', body: 'you should not see this', next: null },
      ]),
    );
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', sub.id, { 'Points Earned': 1 });
    await h.reply(phone, 'STOP');
    await advance(HOUR);
    assert.ok(!(await h.texts(phone)).some((t) => t.includes('you should not see this')));
    const row = await h.database.db
      .selectFrom('outbox_messages')
      .select(['status', 'status_reason'])
      .where('body', 'like', 'you should not%')
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'suppressed');
    assert.match(row.status_reason ?? '', /opt/);
  });

  test('delay until 23:00 in the recipient’s zone: the text is held for quiet hours and goes at 08:00', async () => {
    // Noon in New York (EDT) on the next day, whatever earlier stories did to the clock.
    const now = h.clock.now().getTime();
    h.clock.advance(Math.ceil((now - Date.UTC(2026, 2, 10, 16)) / DAY) * DAY + Date.UTC(2026, 2, 10, 16) - now);
    const shop = await h.newShop('Night Shop');
    await publish(
      shop,
      'Late',
      graph({ kind: 'event', event_type: 'Okendo Loyalty Points Awarded' }, [
        { id: 'night', type: 'delay_until', until: { time_of_day: '23:00' }, next: 'say' },
        { id: 'say', type: 'message', body: 'a late text', next: null },
      ]),
    );
    const phone = nextPhone('212');
    const sub = await h.subscribe(shop, phone);
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', sub.id, { 'Points Earned': 1 });
    await h.runDue();
    await advance(11 * HOUR); // 23:00 New York
    assert.deepEqual(await textsTo(phone), []);
    const row = await h.database.db
      .selectFrom('outbox_messages')
      .select(['status', 'held_until'])
      .where('body', '=', 'a late text')
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'queued');
    assert.ok(row.held_until, 'held for quiet hours');
    await advance(9 * HOUR); // 08:00 New York
    assert.deepEqual(await textsTo(phone), ['a late text']);
  });
});

describe('partner triggers and publishing', () => {
  test('a flow on the Okendo Review Request partner trigger texts {review_url}', async () => {
    const shop = await h.newShop('Partner Shop');
    const trigger = await h.request('POST', '/v1/triggers', {
      shop,
      body: { name: 'Okendo Review Request', tags: ['review_url', 'product_name'] },
    });
    await publish(
      shop,
      'Partner',
      graph({ kind: 'partner', trigger: 'Okendo Review Request' }, [
        { id: 'ask', type: 'message', body: 'How was {product_name}? {review_url}', next: null },
      ]),
    );
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    const fire = await h.request('POST', `/v1/triggers/${trigger.body.id}/subscribers/${sub.id}`, {
      shop,
      body: { review_url: 'https://r.example/x', product_name: 'Mug' },
    });
    assert.ok(fire.status < 300, JSON.stringify(fire.body));
    await h.runDue();
    assert.deepEqual(await textsTo(phone), ['How was Mug? https://r.example/x']);
  });

  test('a malformed step is named by its own type’s shape, not by every step type’s mismatch', async () => {
    const shop = await h.newShop('Shape Shop');
    const bad = graph({ kind: 'event', event_type: 'Review Created' }, [
      { id: 'say', type: 'message', body: 'Hi', next: 'tag' },
      { id: 'tag', type: 'tag', action: 'add', tag: '', next: null },
    ]);
    const r = await h.request('POST', '/api/flows', { shop, body: { name: 'Bad shape', graph: bad } });
    assert.equal(r.status, 400);
    assert.deepEqual(
      r.body.errors.map((e: any) => e.loc.join('.')),
      ['body.graph.nodes.1.tag'],
    );
    assert.match(r.body.errors[0].msg, /^graph\.nodes\.1\.tag /);
    const v = await h.request('POST', '/api/flows/validate', { shop, body: bad });
    assert.deepEqual(
      v.body.errors.map((e: any) => e.loc.join('.')),
      ['body.nodes.1.tag'],
    );
  });

  test('publishing a draft with problems is refused, naming every node and field; the draft is kept', async () => {
    const shop = await h.newShop('Refused Shop');
    const bad = graph({ kind: 'event', event_type: 'Review Created', filters: [{ property: 'Rating', op: 'contains', value: 'x' }] }, [
      { id: 'say', type: 'message', body: 'Hi {frist_name}', next: 'gone' },
    ]);
    const created = await h.request('POST', '/api/flows', { shop, body: { name: 'Bad', graph: bad } });
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'draft');
    assert.ok(created.body.problems.length >= 3, JSON.stringify(created.body.problems));
    const r = await h.request('POST', `/api/flows/${created.body.id}/publish`, { shop });
    assert.equal(r.status, 422);
    const locs = r.body.errors.map((e: any) => e.loc.join('.'));
    assert.ok(locs.includes('body.graph.trigger.filters.0.op'), locs.join(' | '));
    assert.ok(locs.includes('body.graph.nodes.0.next'), locs.join(' | '));
    assert.ok(locs.includes('body.graph.nodes.0.body'), locs.join(' | '));
    assert.equal((await view(shop, created.body.id)).status, 'draft');
  });
});

describe('links: every URL of a marketing text is a short link, and a click is an event', () => {
  test('the review link goes out short; opening it redirects, counts a click on the step and the text, and is a Clicked Link the flow hears', async () => {
    const shop = await h.newShop('Link Shop');
    const { id } = await publish(
      shop,
      'Review nudge',
      graph({ kind: 'event', event_type: 'Review Request Created' }, [
        { id: 'ask', type: 'message', body: 'Review {Name}: {Review Url}', next: 'clicked' },
        {
          id: 'clicked',
          type: 'wait_for_event',
          event_type: 'Clicked Link',
          max_wait: { days: 1 },
          happened: 'tag',
          never_happened: 'last',
        },
        { id: 'tag', type: 'tag', action: 'add', tag: 'clicked-review-link', next: null },
        { id: 'last', type: 'message', body: 'Last chance to review {Name}', next: null },
      ]),
    );
    const [clicker, ignorer] = [nextPhone(), nextPhone()];
    const subs: Record<string, string> = {};
    for (const phone of [clicker, ignorer]) {
      subs[phone] = (await h.subscribe(shop, phone)).id;
      await sendEvent(shop, 'Review Request Created', subs[phone]!, {
        'Review Request Id': `rr-${phone}`,
        'Review Url': `https://reviews.example/r/${phone.slice(-4)}`,
        Name: 'Mug',
      });
    }
    await h.runDue();
    const sent = (await h.rawTexts(clicker)).at(-1)!;
    const link = /http:\/\/127\.0\.0\.1:\d+\/l\/([A-Za-z0-9_-]{8})/.exec(sent);
    assert.ok(link, sent);
    assert.notEqual(link[1], /\/l\/([A-Za-z0-9_-]{8})/.exec((await h.rawTexts(ignorer)).at(-1)!)?.[1], 'each recipient has their own link');

    const opened = await h.request('GET', `/l/${link[1]}`);
    assert.equal(opened.status, 302);
    assert.equal(opened.headers['location'], `https://reviews.example/r/${clicker.slice(-4)}`);
    await h.runDue();
    await advance(DAY);
    assert.deepEqual((await textsTo(clicker)).slice(-1), [`Review Mug: https://reviews.example/r/${clicker.slice(-4)}`]);
    assert.deepEqual((await textsTo(ignorer)).slice(-1), ['Last chance to review Mug']);
    const profile = (await h.request('GET', `/api/v2/subscribers/${subs[clicker]}`, { shop })).body;
    assert.ok(profile.tags.includes('clicked-review-link'));

    const v = await view(shop, id);
    assert.equal(v.counts.ask.clicks, 1);
    assert.deepEqual([v.counts.clicked.moved_on, v.counts.tag.entered, v.counts.last.entered], [2, 1, 1]);
    const log = (await h.request('GET', '/api/outbox?page=1&page_size=50', { shop })).body.messages as { body: string; clicks: number }[];
    assert.deepEqual(
      log.filter((m) => m.clicks > 0).map((m) => m.body),
      [sent.split('\n')[0] + (sent.includes('\n') ? `\n${sent.split('\n').slice(1).join('\n')}` : '')],
    );
    const events = (await h.request('GET', `/api/v2/events?subscriber_id=${subs[clicker]}`, { shop })).body.events as {
      type: string;
      properties: Record<string, unknown>;
    }[];
    assert.equal(events[0]?.type, 'Clicked Link');
    assert.equal(events[0]?.properties['URL'], `https://reviews.example/r/${clicker.slice(-4)}`);
  });

  test('an unknown or malformed code is a 404 page, never a 500', async () => {
    for (const code of ['nope1234', '%00', 'a'.repeat(40)]) {
      const r = await h.request('GET', `/l/${code}`);
      assert.equal(r.status, 404, code);
    }
  });
});

describe('MMS', () => {
  test('a message step with an image goes out as an MMS with that one media URL', async () => {
    const shop = await h.newShop('MMS Shop');
    await publish(
      shop,
      'Picture',
      graph({ kind: 'event', event_type: 'Okendo Loyalty Points Awarded' }, [
        { id: 'pic', type: 'message', body: 'Your new tier', media_url: 'https://cdn.example/tier.png', next: null },
      ]),
    );
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    await sendEvent(shop, 'Okendo Loyalty Points Awarded', sub.id, { 'Points Earned': 1 });
    await h.runDue();
    const delivered = await h.database.db
      .selectFrom('dev_carrier_messages')
      .select(['body', 'media_url'])
      .where('to_phone', '=', phone)
      .where('media_url', 'is not', null)
      .execute();
    assert.deepEqual(
      delivered.map((d) => [d.body.split('\n')[0], d.media_url]),
      [['Your new tier', 'https://cdn.example/tier.png']],
    );
  });
});
