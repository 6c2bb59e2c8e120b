import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createLegacyAutomation, createTwilioProvider, ProviderRejectedError } from '../src/index.js';
import { classifyTwilioError, deliveryStatusOf } from '../src/providers/twilio-errors.js';
import { nextPhone, startHarness, type Harness } from './harness.js';

/**
 * The real Twilio SDK against a stand-in for api.twilio.com on 127.0.0.1 (the provider's `apiBaseUrl` swaps the
 * SDK's HTTP client origin). The fake keeps messages, answers create/fetch/list like Twilio, and can fail.
 */
const ACCOUNT = 'AC00000000000000000000000000000000';
const TOKEN = 'fake-auth-token';

interface FakeMessage {
  sid: string;
  to: string;
  from: string | null;
  messaging_service_sid: string | null;
  body: string;
  status: string;
  status_callback: string | null;
  date_created: string;
}

class FakeTwilio {
  server: Server;
  messages: FakeMessage[] = [];
  creates = 0;
  now = () => new Date();
  nextCreate: 'ok' | '500' | { code: number } | 'drop-after-store' = 'ok';
  url = '';
  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  stop() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
  private json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const expected = `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return this.json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    const url = new URL(req.url ?? '/', 'http://x');
    const base = `/2010-04-01/Accounts/${ACCOUNT}/Messages`;
    if (req.method === 'POST' && url.pathname === `${base}.json`) {
      this.creates++;
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const behaviour = this.nextCreate;
      this.nextCreate = 'ok';
      if (behaviour === '500') return this.json(res, 500, { code: 20500, message: 'Internal Server Error', status: 500 });
      if (typeof behaviour === 'object')
        return this.json(res, 400, { code: behaviour.code, message: `error ${behaviour.code}`, more_info: '', status: 400 });
      const m: FakeMessage = {
        sid: `SM${String(this.messages.length + 1).padStart(32, '0')}`,
        to: form.get('To') ?? '',
        from: form.get('From'),
        messaging_service_sid: form.get('MessagingServiceSid'),
        body: form.get('Body') ?? '',
        status: 'queued',
        status_callback: form.get('StatusCallback'),
        date_created: this.now().toUTCString().replace('GMT', '+0000'),
      };
      this.messages.push(m);
      if (behaviour === 'drop-after-store') {
        req.socket.destroy();
        return;
      }
      return this.json(res, 201, { account_sid: ACCOUNT, ...m });
    }
    if (req.method === 'GET' && url.pathname === `${base}.json`) {
      const to = url.searchParams.get('To');
      const list = this.messages.filter((m) => !to || m.to === to).reverse();
      return this.json(res, 200, {
        messages: list,
        end: list.length,
        first_page_uri: '',
        next_page_uri: null,
        page: 0,
        page_size: 50,
        previous_page_uri: null,
        start: 0,
        uri: '',
      });
    }
    const one = new RegExp(`^${base}/(SM\\w+)\\.json$`).exec(url.pathname);
    if (req.method === 'GET' && one) {
      const m = this.messages.find((x) => x.sid === one[1]);
      return m ? this.json(res, 200, m) : this.json(res, 404, { code: 20404, message: 'not found', status: 404 });
    }
    return this.json(res, 404, { code: 20404, message: 'no route', status: 404 });
  }
}

const fake = new FakeTwilio();
before(() => fake.start());
after(() => fake.stop());

const provider = (extra: Partial<Parameters<typeof createTwilioProvider>[0]> = {}) =>
  createTwilioProvider({
    accountSid: ACCOUNT,
    authToken: TOKEN,
    from: '+12015550111',
    statusCallbackUrl: 'https://sms.example.com/webhooks/twilio/status',
    apiBaseUrl: fake.url,
    findOutbox: async () => null,
    ...extra,
  });

describe('Twilio provider (official SDK against a local fake)', () => {
  test('send creates a message with to/from/body and a status callback naming the outbox row', async () => {
    const r = await provider().send({ outboxId: 'msg_1', to: '+12125550150', body: 'Hello' });
    assert.match(r.providerMessageId, /^SM/);
    const m = fake.messages.at(-1);
    assert.equal(m?.to, '+12125550150');
    assert.equal(m?.from, '+12015550111');
    assert.equal(m?.body, 'Hello');
    assert.equal(m?.status_callback, 'https://sms.example.com/webhooks/twilio/status?outbox_id=msg_1');
  });

  test('a messaging service sends without a From', async () => {
    await provider({ from: undefined, messagingServiceSid: 'MG123' }).send({ outboxId: 'msg_2', to: '+12125550151', body: 'Hi' });
    assert.equal(fake.messages.at(-1)?.messaging_service_sid, 'MG123');
    assert.equal(fake.messages.at(-1)?.from, null);
  });

  test('lookup by SID, by recipient+body when no SID was recorded, and null when Twilio never got it', async () => {
    const p = provider({
      findOutbox: async (id) => (id === 'msg_3' ? { to: '+12125550152', body: 'Find me', since: new Date(Date.now() - 1000) } : null),
    });
    const sent = await p.send({ outboxId: 'msg_3', to: '+12125550152', body: 'Find me' });
    assert.deepEqual(await p.lookup('msg_3', sent.providerMessageId), { providerMessageId: sent.providerMessageId, status: 'queued' });
    assert.deepEqual(await p.lookup('msg_3'), { providerMessageId: sent.providerMessageId, status: 'queued' });
    assert.equal(await p.lookup('msg_3', 'SM99999999999999999999999999999999'), null);
    assert.equal(await p.lookup('msg_unknown'), null);
  });

  test('errors: 21610 is a carrier opt-out, 21211 is permanent, 5xx is retryable', async () => {
    const p = provider();
    fake.nextCreate = { code: 21610 };
    await assert.rejects(
      p.send({ outboxId: 'e1', to: '+12125550153', body: 'x' }),
      (e: unknown) => e instanceof ProviderRejectedError && e.optOut && e.code === '21610',
    );
    fake.nextCreate = { code: 21211 };
    await assert.rejects(
      p.send({ outboxId: 'e2', to: '+12125550153', body: 'x' }),
      (e: unknown) => e instanceof ProviderRejectedError && !e.optOut,
    );
    fake.nextCreate = '500';
    await assert.rejects(p.send({ outboxId: 'e3', to: '+12125550153', body: 'x' }), (e: unknown) => !(e instanceof ProviderRejectedError));
  });

  test('error and status mapping tables', () => {
    const table: { error: unknown; code: string | null; optOut: boolean }[] = [
      { error: { code: 21610, message: 'x' }, code: '21610', optOut: true },
      { error: { code: 21614 }, code: '21614', optOut: false },
      { error: { code: 21635 }, code: '21635', optOut: false },
      { error: { code: 20429 }, code: null, optOut: false },
      { error: { code: 20003 }, code: null, optOut: false },
      { error: new Error('ECONNRESET'), code: null, optOut: false },
      { error: null, code: null, optOut: false },
    ];
    for (const { error, code, optOut } of table) {
      const r = classifyTwilioError(error);
      assert.equal(r?.code ?? null, code);
      assert.equal(r?.optOut ?? false, optOut);
    }
    const statuses: { twilioStatus: string; deliveryStatus: string }[] = [
      { twilioStatus: 'queued', deliveryStatus: 'pending' },
      { twilioStatus: 'accepted', deliveryStatus: 'pending' },
      { twilioStatus: 'sending', deliveryStatus: 'pending' },
      { twilioStatus: 'sent', deliveryStatus: 'sent' },
      { twilioStatus: 'delivered', deliveryStatus: 'delivered' },
      { twilioStatus: 'undelivered', deliveryStatus: 'failed' },
      { twilioStatus: 'failed', deliveryStatus: 'failed' },
    ];
    for (const { twilioStatus, deliveryStatus } of statuses) assert.equal(deliveryStatusOf(twilioStatus), deliveryStatus);
  });
});

describe('sending through Twilio end to end', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({
      config: { smsProvider: 'twilio', twilio: { accountSid: ACCOUNT, authToken: TOKEN, from: '+12015550111' } },
      provider: (database) =>
        createTwilioProvider({
          accountSid: ACCOUNT,
          authToken: TOKEN,
          from: '+12015550111',
          apiBaseUrl: fake.url,
          findOutbox: async (id) => {
            const row = await database.db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
            return row ? { to: row.to_phone, body: row.body, since: new Date(row.dispatched_at ?? row.created_at) } : null;
          },
        }),
    });
    fake.now = () => h.clock.now();
  });
  after(async () => {
    fake.now = () => new Date();
    await h.close();
  });

  test('a response lost after Twilio stored the message is reconciled by listing: one message, no resend', async () => {
    const shop = await h.newShop('Twilio Shop');
    const trigger = await h.request('POST', '/v1/triggers', { shop, body: { name: 'Okendo Review Request', tags: ['review_url'] } });
    await createLegacyAutomation(h.database, h.clock, {
      shopId: shop.shopId,
      trigger: 'Okendo Review Request',
      message: 'Review: {review_url}',
      enabled: true,
    });
    const phone = nextPhone();
    const sub = await h.request('POST', '/api/v2/subscribers', { shop, body: { phone_number: phone } });
    await h.runDue();
    await h.database.db
      .updateTable('subscribers')
      .set({ status: 'subscribed', confirmed_at: h.clock.now().toISOString() })
      .where('id', '=', sub.body.id)
      .execute();
    await h.request('POST', `/v1/triggers/${trigger.body.id}/subscribers/${sub.body.id}`, {
      shop,
      body: { review_url: 'https://r.example/t' },
    });

    const createsBefore = fake.creates;
    fake.nextCreate = 'drop-after-store';
    await h.runDue();
    const row = await h.database.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('purpose', '=', 'automation')
      .where('shop_id', '=', shop.shopId)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'dispatching');
    const job = await h.database.db.selectFrom('jobs').selectAll().where('dedupe_key', '=', `send:${row.id}`).executeTakeFirstOrThrow();
    h.clock.set(new Date(job.run_at));
    await h.runDue();
    assert.equal(fake.creates - createsBefore, 1, 'no second create');
    const done = await h.database.db.selectFrom('outbox_messages').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    assert.equal(done.status, 'sent');
    assert.equal(done.provider, 'twilio');
    assert.equal(fake.messages.filter((m) => m.to === phone && m.body.startsWith('Review:')).length, 1);
  });
});
