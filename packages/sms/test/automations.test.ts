import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nextPhone, startHarness, type Harness, type Shop } from './harness.js';

let h: Harness;
let shop: Shop;
before(async () => {
  h = await startHarness();
  shop = await h.newShop('Automation Shop');
  await h.request('POST', '/v1/triggers', { shop, body: { name: 'Okendo Review Request', tags: ['review_url', 'name'] } });
});
after(() => h.close());

describe('legacy automations API (/api/automations extension)', () => {
  test('the editor’s preview: rendered with sample values, parts counted, unknown tags named; an unknown trigger is a 422', async () => {
    const ok = await h.request('POST', '/api/automations/preview', {
      shop,
      body: { trigger: 'Okendo Review Request', body: 'Hi {name}: {review_url} {discount}' },
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.rendered, 'Hi Jane Doe: http://127.0.0.1:4200/r/Xy7Kq2mP9vB4nR8sT1wZ ');
    assert.equal(ok.body.segments, 1);
    assert.deepEqual(
      ok.body.errors.map((e: { tag: string }) => e.tag),
      ['discount'],
    );
    const unknown = await h.request('POST', '/api/automations/preview', { shop, body: { trigger: 'Nope', body: 'x' } });
    assert.equal(unknown.status, 422);
    assert.deepEqual(unknown.body.errors[0].loc, ['body', 'trigger']);
  });

  test('create, read, list, update (toggle), delete', async () => {
    const created = await h.request('POST', '/api/automations', {
      shop,
      body: {
        name: 'Review request',
        trigger: 'Okendo Review Request',
        messages: [
          { body: 'Hi {first_name|there}, review {name}: {review_url}', delay_minutes: 0 },
          { body: 'Reminder: {review_url} 🙏', delay_minutes: 1440 },
        ],
        enabled: false,
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const a = created.body;
    assert.match(a.id, /^auto_/);
    assert.equal(a.kind, 'legacy');
    assert.equal(a.trigger.name, 'Okendo Review Request');
    assert.equal(a.enabled, false);
    assert.equal(a.messages[0].segments, 1);
    assert.equal(a.messages[0].encoding, 'GSM-7');
    assert.equal(a.messages[1].encoding, 'UCS-2');
    assert.deepEqual(a.messages[0].warnings, []);

    assert.deepEqual((await h.request('GET', `/api/automations/${a.id}`, { shop })).body, a);
    const list = await h.request('GET', '/api/automations', { shop });
    assert.deepEqual(
      list.body.automations.map((x: { id: string }) => x.id),
      [a.id],
    );

    h.clock.advance(1000);
    const toggled = await h.request('PATCH', `/api/automations/${a.id}`, {
      shop,
      body: { enabled: true, messages: [{ body: 'Only {review_url}' }] },
    });
    assert.equal(toggled.status, 200);
    assert.equal(toggled.body.enabled, true);
    assert.deepEqual(
      toggled.body.messages.map((m: { body: string; delay_minutes: number }) => [m.body, m.delay_minutes]),
      [['Only {review_url}', 0]],
    );
    assert.notEqual(toggled.body.updated_at, a.updated_at);

    // The enabled automation runs on a fire.
    const phone = nextPhone();
    const sub = await h.subscribe(shop, phone);
    const trigger = await h.request('GET', '/v1/triggers', { shop });
    await h.request('POST', `/v1/triggers/${trigger.body.triggers[0].id}/subscribers/${sub.id}`, {
      shop,
      body: { review_url: 'https://r.example' },
    });
    await h.runDue();
    assert.equal((await h.texts(phone)).at(-1), 'Only https://r.example\nReply STOP to unsubscribe');
    const listed = await h.request('GET', '/api/automations', { shop });
    assert.equal(listed.body.automations[0].texts_sent, 1, 'the list counts the texts it sent');
    assert.equal((await h.request('GET', `/api/automations/${a.id}`, { shop })).body.texts_sent, 1);

    assert.equal((await h.request('DELETE', `/api/automations/${a.id}`, { shop })).status, 200);
    assert.equal((await h.request('GET', `/api/automations/${a.id}`, { shop })).status, 404);
    assert.equal((await h.request('GET', '/api/automations', { shop })).body.automations.length, 0);
  });

  test('saving refuses what the editor refuses: a misspelt tag, a brace left open, a tag the trigger cannot supply', async () => {
    const cases: { story: string; body: string; msg: RegExp; type: string }[] = [
      {
        story: 'a misspelt subscriber field',
        body: 'Hi {frist_name}',
        msg: /\{frist_name\} is not a tag of "Okendo Review Request"/,
        type: 'unknown_tag',
      },
      { story: 'a brace never closed', body: 'Review: {review_url', msg: /is never closed/, type: 'template_syntax' },
      { story: 'an empty tag', body: 'Hi {}', msg: /names no tag/, type: 'template_syntax' },
      {
        story: 'an event property this trigger does not carry',
        body: 'Loved {Product Name}?',
        msg: /\{Product Name\}/,
        type: 'unknown_tag',
      },
    ];
    for (const c of cases) {
      const created = await h.request('POST', '/api/automations', {
        shop,
        body: { trigger: 'Okendo Review Request', messages: [{ body: 'Fine {review_url}' }, { body: c.body }], enabled: true },
      });
      assert.equal(created.status, 400, c.story);
      assert.deepEqual(created.body.errors[0].loc, ['body', 'messages', 1, 'body'], c.story);
      assert.match(created.body.errors[0].msg, c.msg, c.story);
      assert.equal(created.body.errors[0].type, c.type, c.story);
    }
    assert.equal((await h.request('GET', '/api/automations', { shop })).body.automations.length, 0, 'nothing was written');

    // What is known is accepted: the trigger's tags, subscriber fields with fallbacks, Okendo profile properties.
    const ok = await h.request('POST', '/api/automations', {
      shop,
      body: {
        trigger: 'Okendo Review Request',
        messages: [{ body: '{first_name|Hi}, {Okendo Loyalty Points Balance} points; {okendo_loyalty_vip_tier}: {review_url}' }],
        enabled: false,
      },
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    // A PATCH of the messages is held to the same rule.
    const patched = await h.request('PATCH', `/api/automations/${ok.body.id}`, { shop, body: { messages: [{ body: '{frist_name}' }] } });
    assert.equal(patched.status, 400);
    assert.deepEqual(patched.body.errors[0].loc, ['body', 'messages', 0, 'body']);
    assert.equal((await h.request('DELETE', `/api/automations/${ok.body.id}`, { shop })).status, 200);
  });

  test('validation: unknown trigger, bad steps, unknown fields; other shops cannot see it', async () => {
    const unknown = await h.request('POST', '/api/automations', {
      shop,
      body: { trigger: 'Nope', messages: [{ body: 'x' }], enabled: true },
    });
    assert.equal(unknown.status, 422);
    assert.deepEqual(unknown.body.errors[0].loc, ['body', 'trigger']);
    const cases: { body: unknown; loc: unknown[] }[] = [
      { body: { trigger: 'Okendo Review Request', messages: [], enabled: true }, loc: ['body', 'messages'] },
      { body: { trigger: 'Okendo Review Request', messages: [{ body: '' }], enabled: true }, loc: ['body', 'messages', '0', 'body'] },
      {
        body: { trigger: 'Okendo Review Request', messages: [{ body: 'x', delay_minutes: -1 }], enabled: true },
        loc: ['body', 'messages', '0', 'delay_minutes'],
      },
      { body: { trigger: 'Okendo Review Request', messages: [{ body: 'x' }] }, loc: ['body', 'enabled'] },
      { body: { trigger: 'Okendo Review Request', messages: [{ body: 'x' }], enabled: true, color: 'red' }, loc: ['body', 'color'] },
      { body: { trigger: 'Okendo Review Request', messages: [{ body: 'x' }], enabled: 'yes' }, loc: ['body', 'enabled'] },
    ];
    for (const { body, loc } of cases) {
      const r = await h.request('POST', '/api/automations', { shop, body });
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.deepEqual(r.body.errors[0].loc.map(String), loc, JSON.stringify(r.body));
    }
    const created = await h.request('POST', '/api/automations', {
      shop,
      body: { trigger: 'Okendo Review Request', messages: [{ body: 'x' }], enabled: true },
    });
    assert.equal(created.body.name, 'Okendo Review Request', 'defaults to the trigger name');
    const other = await h.newShop();
    assert.equal((await h.request('GET', `/api/automations/${created.body.id}`, { shop: other })).status, 404);
    assert.equal((await h.request('PATCH', `/api/automations/${created.body.id}`, { shop: other, body: { enabled: false } })).status, 404);
    assert.equal((await h.request('GET', '/api/automations')).status, 401);
  });

  test('GET /api/messages lists the outbox with states', async () => {
    const phone = nextPhone();
    await h.request('POST', '/api/v2/subscribers', { shop, body: { phone_number: phone } });
    const queued = await h.request('GET', `/api/messages?to=${encodeURIComponent(phone)}`, { shop });
    assert.equal(queued.body.messages.length, 1);
    assert.equal(queued.body.messages[0].status, 'queued');
    assert.equal(queued.body.messages[0].purpose, 'doi_prompt');
    await h.runDue();
    const sent = await h.request('GET', `/api/messages?to=${encodeURIComponent(phone)}`, { shop });
    assert.equal(sent.body.messages[0].status, 'sent');
    assert.equal((await h.request('GET', '/api/messages?to=garbage', { shop })).status, 400);
  });
});

describe('dev carrier and phone simulator', () => {
  test('messages to a phone, the conversation both ways, and the simulator page', async () => {
    const phone = nextPhone();
    await h.subscribe(shop, phone);
    const msgs = await h.request('GET', `/dev/carrier/messages?to=${encodeURIComponent(phone)}`);
    assert.equal(msgs.body.messages.length, 2);
    const m = msgs.body.messages[0];
    assert.deepEqual(Object.keys(m).sort(), ['body', 'created_at', 'from', 'id', 'media_url', 'to']);
    assert.equal(m.to, phone);
    assert.equal(m.media_url, null, 'a text, not an MMS');
    assert.equal(m.from, '+12015550100');
    const convo = await h.request('GET', `/dev/carrier/conversation?phone=${encodeURIComponent(phone)}`);
    assert.deepEqual(
      convo.body.messages.map((x: { direction: string; body: string }) => [x.direction, x.body.slice(0, 14)]),
      [
        ['outbound', 'Automation Sho'],
        ['inbound', 'Y'],
        ['outbound', "You've subscri"],
      ],
    );
    const page = await h.request('GET', '/dev/phone');
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(page.body, /dev\/carrier\/conversation/);
    assert.match(page.body, /dev\/carrier\/inbound/);
    assert.match(page.body, /setInterval\(refresh, 1000\)/);
    const clock = await h.request('GET', '/dev/clock');
    assert.equal(clock.body.now, h.clock.now().toISOString());
    assert.equal((await h.request('GET', '/dev/carrier/messages?to=abc')).status, 400);
  });
});
