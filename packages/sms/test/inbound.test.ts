import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import twilio from 'twilio';
import { nextPhone, startHarness, type Harness } from './harness.js';

let h: Harness;
const AUTH_TOKEN = 'twilio-test-auth-token';
before(async () => {
  h = await startHarness({ config: { twilio: { authToken: AUTH_TOKEN } } });
});
after(() => h.close());

async function statusOf(shop: { shopId: string }, phone: string): Promise<string> {
  const row = await h.database.db
    .selectFrom('subscribers')
    .select('status')
    .where('shop_id', '=', shop.shopId)
    .where('phone_number', '=', phone)
    .executeTakeFirstOrThrow();
  return row.status;
}

describe('inbound keywords and compliance replies', () => {
  test('STOP opts out with exactly one confirmation; START opts back in', async () => {
    const shop = await h.newShop('Acme Tea');
    const phone = nextPhone();
    await h.subscribe(shop, phone);
    const r = await h.reply(phone, 'Stop');
    assert.equal(r.classification, 'opt_out');
    assert.equal(await statusOf(shop, phone), 'unsubscribed');
    let texts = await h.texts(phone);
    assert.equal(texts.length, 3);
    assert.equal(texts[2], 'Acme Tea: You have been unsubscribed and will receive no more messages. Reply START to resubscribe.');
    await h.reply(phone, 'STOP');
    assert.equal((await h.texts(phone)).length, 3, 'a repeated STOP changes nothing and sends nothing');

    await h.reply(phone, 'START');
    assert.equal(await statusOf(shop, phone), 'subscribed');
    texts = await h.texts(phone);
    assert.equal(texts.length, 4);
    assert.match(texts[3] ?? '', /^You've subscribed to Acme Tea\./);
    const consent = await h.database.db
      .selectFrom('consent_events')
      .select(['action', 'source'])
      .where('shop_id', '=', shop.shopId)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      consent.map((c) => c.action),
      ['opt_in_requested', 'opted_in', 'opted_out', 'opted_in'],
    );
  });

  const fuzzy = [
    'stop texting me',
    'Please remove me',
    'wrong number',
    'UNSUBSCRIBE',
    'opt out',
    'STOPALL',
    'Cancel',
    'quit',
    'end',
    'revoke',
    'optout',
  ];
  for (const body of fuzzy) {
    test(`"${body}" opts out`, async () => {
      const shop = await h.newShop();
      const phone = nextPhone();
      await h.subscribe(shop, phone);
      await h.reply(phone, body);
      assert.equal(await statusOf(shop, phone), 'unsubscribed');
      assert.match((await h.texts(phone)).at(-1) ?? '', /unsubscribed/);
    });
  }

  test('HELP and INFO answer with the shop name and STOP instructions; other texts get no reply', async () => {
    const shop = await h.newShop('Bean Co');
    const phone = nextPhone();
    await h.subscribe(shop, phone);
    await h.reply(phone, 'HELP');
    await h.reply(phone, 'info');
    await h.reply(phone, 'When does my order ship?');
    const texts = await h.texts(phone);
    assert.equal(texts.length, 4);
    for (const t of texts.slice(2)) {
      assert.match(t, /^Bean Co: /);
      assert.match(t, /Reply STOP to unsubscribe/);
    }
    assert.equal(await statusOf(shop, phone), 'subscribed');
  });

  test('STOP to the shared number opts out of every shop; Y answers the shop that texted last', async () => {
    const a = await h.newShop('Shop A');
    const b = await h.newShop('Shop B');
    const phone = nextPhone();
    await h.subscribe(a, phone);
    h.clock.advance(1000);
    const created = await h.request('POST', '/api/v2/subscribers', { shop: b, body: { phone_number: phone } });
    assert.equal(created.status, 201);
    await h.runDue();
    await h.reply(phone, 'Y');
    assert.equal(await statusOf(b, phone), 'subscribed', 'Y went to Shop B, whose prompt came last');
    await h.reply(phone, 'STOP');
    assert.equal(await statusOf(a, phone), 'unsubscribed');
    assert.equal(await statusOf(b, phone), 'unsubscribed');
    const texts = await h.texts(phone);
    assert.equal(texts.filter((t) => /unsubscribed/.test(t)).length, 1, 'one confirmation');
    assert.match(texts.at(-1) ?? '', /^Shop B: /);
  });

  test('a text from an unknown number is stored and answered by nobody', async () => {
    const phone = nextPhone();
    const r = await h.reply(phone, 'STOP');
    assert.equal(r.shop_id, null);
    assert.deepEqual(r.actions, []);
    assert.equal((await h.texts(phone)).length, 0);
    const bad = await h.request('POST', '/dev/carrier/inbound', { body: { from: 'nobody', body: 'Y' } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors[0].loc, ['body', 'from']);
  });

  test('Twilio inbound webhook: signature verified, keywords handled, MessageSid deduped', async () => {
    const shop = await h.newShop('Twilio Shop');
    const phone = nextPhone();
    const created = await h.request('POST', '/api/v2/subscribers', { shop, body: { phone_number: phone } });
    await h.runDue();
    const url = 'https://sms.example.com/webhooks/twilio/inbound';
    const params = { MessageSid: 'SM00000000000000000000000000000001', From: phone, To: '+12015550100', Body: 'YES', AccountSid: 'AC1' };
    const payload = new URLSearchParams(params).toString();
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-proto': 'https',
      host: 'sms.example.com',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params),
    };
    const bad = await h.service.app.inject({
      method: 'POST',
      url: '/webhooks/twilio/inbound',
      payload,
      headers: { ...headers, 'x-twilio-signature': 'forged' },
    });
    assert.equal(bad.statusCode, 403);
    assert.equal((await h.request('GET', `/api/v2/subscribers/${created.body.id}`, { shop })).body.status, 'pending');

    for (let i = 0; i < 2; i++) {
      const ok = await h.service.app.inject({ method: 'POST', url: '/webhooks/twilio/inbound', payload, headers });
      assert.equal(ok.statusCode, 200);
      assert.match(String(ok.headers['content-type']), /text\/xml/);
      assert.match(ok.body, /<Response><\/Response>/);
    }
    await h.runDue();
    assert.equal((await h.request('GET', `/api/v2/subscribers/${created.body.id}`, { shop })).body.status, 'subscribed');
    assert.equal((await h.texts(phone)).length, 2, 'prompt + one confirmation despite the retried webhook');
    const inbound = await h.database.db
      .selectFrom('inbound_messages')
      .select('id')
      .where('provider_message_id', '=', params.MessageSid)
      .execute();
    assert.equal(inbound.length, 1);
  });

  test('Twilio status callback records delivery status (signed)', async () => {
    const shop = await h.newShop();
    const phone = nextPhone();
    await h.request('POST', '/api/v2/subscribers', { shop, body: { phone_number: phone } });
    await h.runDue();
    const row = await h.database.db.selectFrom('outbox_messages').selectAll().where('to_phone', '=', phone).executeTakeFirstOrThrow();
    const url = `http://localhost:80/webhooks/twilio/status?outbox_id=${row.id}`;
    const params = { MessageSid: row.provider_message_id ?? '', MessageStatus: 'delivered' };
    const res = await h.service.app.inject({
      method: 'POST',
      url: `/webhooks/twilio/status?outbox_id=${row.id}`,
      payload: new URLSearchParams(params).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        host: 'localhost:80',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params),
      },
    });
    assert.equal(res.statusCode, 204);
    const after = await h.database.db.selectFrom('outbox_messages').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    assert.equal(after.delivery_status, 'delivered');
  });
});
