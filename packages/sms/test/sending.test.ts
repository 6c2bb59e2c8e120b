import assert from 'node:assert/strict';
import { claimJobs } from '@rapport/kit';
import { after, before, describe, test } from 'node:test';
import { createLegacyAutomation, type SmsProvider } from '../src/index.js';
import { DEV_SENDER_NUMBER } from '../src/context.js';
import { beginDispatch } from '../src/messages/dispatch.js';
import { createDevCarrier } from '../src/providers/dev-carrier.js';
import { ProviderRejectedError } from '../src/providers/provider.js';
import { nextPhone, startHarness, type Harness, type Shop } from './harness.js';

/**
 * Exactly-once sending under faults. The provider is the dev carrier behind a switchboard the tests control:
 * fail the next N sends (before they reach the carrier), "lose" a response after the carrier stored the text,
 * or reject for good.
 */
class Switchboard implements SmsProvider {
  name = 'dev';
  sendCalls = 0;
  failNext = 0;
  loseNextResponse = false;
  rejectNext: ProviderRejectedError | null = null;
  constructor(private readonly carrier: SmsProvider) {}
  async send(msg: Parameters<SmsProvider['send']>[0]) {
    this.sendCalls++;
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('carrier unavailable (injected)');
    }
    if (this.rejectNext) {
      const err = this.rejectNext;
      this.rejectNext = null;
      throw err;
    }
    const result = await this.carrier.send(msg);
    if (this.loseNextResponse) {
      this.loseNextResponse = false;
      throw new Error('socket hang up after the carrier accepted (injected)');
    }
    return result;
  }
  lookup(outboxId: string, providerMessageId?: string) {
    return this.carrier.lookup(outboxId, providerMessageId);
  }
}

let h: Harness;
let board: Switchboard;
before(async () => {
  h = await startHarness({
    provider: (database, clock) => {
      board = new Switchboard(createDevCarrier(database, clock, DEV_SENDER_NUMBER));
      return board;
    },
  });
});
after(() => h.close());

async function firedAutomation(): Promise<{ shop: Shop; phone: string; outboxId: string }> {
  const shop = await h.newShop();
  const trigger = await h.request('POST', '/v1/triggers', { shop, body: { name: 'Okendo Review Request', tags: ['review_url'] } });
  await createLegacyAutomation(h.database, h.clock, {
    shopId: shop.shopId,
    trigger: 'Okendo Review Request',
    message: 'Review: {review_url} (Reply STOP to opt out)',
    enabled: true,
  });
  const phone = nextPhone();
  const sub = await h.subscribe(shop, phone);
  const r = await h.request('POST', `/v1/triggers/${trigger.body.id}/subscribers/${sub.id}`, {
    shop,
    body: { review_url: 'https://r.example/1' },
  });
  assert.equal(r.status, 202);
  const row = await h.database.db
    .selectFrom('outbox_messages')
    .select('id')
    .where('shop_id', '=', shop.shopId)
    .where('purpose', '=', 'automation')
    .executeTakeFirstOrThrow();
  return { shop, phone, outboxId: row.id };
}

async function outbox(id: string) {
  return h.database.db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function sendJob(outboxId: string) {
  return h.database.db.selectFrom('jobs').selectAll().where('dedupe_key', '=', `send:${outboxId}`).executeTakeFirstOrThrow();
}

describe('exactly-once sending', () => {
  test('the outbox row exists (queued) before any provider call', async () => {
    board.failNext = 0;
    const calls = board.sendCalls;
    const { outboxId } = await firedAutomation();
    const before = board.sendCalls;
    const row = await outbox(outboxId);
    assert.equal(row.status, 'queued');
    assert.equal(before, calls + 2, 'only the opt-in prompt and confirmation were sent so far');
  });

  test('a provider that fails 3 times then succeeds delivers exactly one text', async () => {
    const { phone, outboxId } = await firedAutomation();
    const callsBefore = board.sendCalls;
    board.failNext = 3;
    for (let i = 0; i < 4; i++) {
      await h.runDue();
      if (i < 3) {
        const row = await outbox(outboxId);
        assert.equal(row.status, 'dispatching', 'outcome unknown until reconciled');
        assert.match(row.error ?? '', /injected/);
        const job = await sendJob(outboxId);
        assert.equal(job.state, 'pending');
        h.clock.set(new Date(job.run_at));
      }
    }
    assert.equal(board.sendCalls - callsBefore, 4);
    const row = await outbox(outboxId);
    assert.equal(row.status, 'sent');
    assert.equal(row.dispatch_attempts, 4);
    const texts = await h.texts(phone);
    assert.equal(texts.filter((t) => t.startsWith('Review:')).length, 1);
    assert.equal((await sendJob(outboxId)).state, 'done');
  });

  test('a crash after the provider accepted (before marking sent) is reconciled: still one text, no second send', async () => {
    const { phone, outboxId } = await firedAutomation();
    // A worker claims the job, dispatches, the carrier takes the text — and the process dies.
    const claimed = await claimJobs(h.database.db, h.database.dialect, {
      workerId: 'doomed-worker',
      now: h.clock.now(),
      leaseMs: 30_000,
      limit: 10,
      kinds: ['sms.send'],
    });
    assert.ok(claimed.some((j) => j.dedupe_key === `send:${outboxId}`));
    const prepared = await beginDispatch(contextFor(), outboxId);
    assert.equal(prepared.kind, 'dispatch');
    if (prepared.kind !== 'dispatch') return;
    const callsBefore = board.sendCalls;
    await board.send(prepared.message);
    assert.equal((await outbox(outboxId)).status, 'dispatching');

    // Nothing happens while the dead worker's lease holds; once it expires the job is retried.
    assert.equal(await h.runDue(), 0);
    h.clock.advance(30_001);
    await h.runDue();
    assert.equal(board.sendCalls - callsBefore, 1, 'reconciled, not re-sent');
    const row = await outbox(outboxId);
    assert.equal(row.status, 'sent');
    assert.match(row.provider_message_id ?? '', /^SMdev_/);
    assert.equal((await h.texts(phone)).filter((t) => t.startsWith('Review:')).length, 1);
  });

  test('a lost response (carrier stored it, the call threw) is reconciled on retry: one text', async () => {
    const { phone, outboxId } = await firedAutomation();
    const callsBefore = board.sendCalls;
    board.loseNextResponse = true;
    await h.runDue();
    assert.equal((await outbox(outboxId)).status, 'dispatching');
    h.clock.set(new Date((await sendJob(outboxId)).run_at));
    await h.runDue();
    assert.equal(board.sendCalls - callsBefore, 1);
    assert.equal((await outbox(outboxId)).status, 'sent');
    assert.equal((await h.texts(phone)).filter((t) => t.startsWith('Review:')).length, 1);
  });

  test('opt-out between fire and dispatch suppresses the text', async () => {
    const { phone, outboxId } = await firedAutomation();
    board.failNext = 1;
    await h.runDue(); // fails once, row left dispatching
    assert.equal((await outbox(outboxId)).status, 'dispatching');
    await h.reply(phone, 'STOP');
    h.clock.set(new Date((await sendJob(outboxId)).run_at));
    await h.runDue();
    const row = await outbox(outboxId);
    assert.equal(row.status, 'suppressed');
    assert.equal(row.status_reason, 'opted_out');
    assert.equal((await h.texts(phone)).filter((t) => t.startsWith('Review:')).length, 0);
  });

  test('a permanent rejection fails the row without retrying; a carrier opt-out (21610) unsubscribes', async () => {
    const first = await firedAutomation();
    board.rejectNext = new ProviderRejectedError('landline', '21614');
    await h.runDue();
    let row = await outbox(first.outboxId);
    assert.equal(row.status, 'failed');
    assert.equal(row.status_reason, 'provider_rejected:21614');
    assert.equal((await sendJob(first.outboxId)).state, 'done');

    const second = await firedAutomation();
    board.rejectNext = new ProviderRejectedError('unsubscribed recipient', '21610', true);
    await h.runDue();
    row = await outbox(second.outboxId);
    assert.equal(row.status, 'suppressed');
    assert.equal(row.status_reason, 'carrier_opt_out');
    const sub = await h.database.db
      .selectFrom('subscribers')
      .select('status')
      .where('id', '=', row.subscriber_id ?? '')
      .executeTakeFirstOrThrow();
    assert.equal(sub.status, 'unsubscribed');
  });
});

/** The service's context, rebuilt for calling a dispatch step directly (as a worker would). */
function contextFor() {
  return {
    database: h.database,
    db: h.database.db,
    clock: h.clock,
    log: h.service.app.log as never,
    config: h.config,
    provider: board,
    senderNumber: DEV_SENDER_NUMBER,
    wake: () => {},
  };
}
