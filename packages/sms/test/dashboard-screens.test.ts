// The SMS dashboard's Messages, Settings and home-chart routes, as a merchant's story: a review text held
// overnight, one suppressed after STOP, the settings of the shop, and the per-day counts in its zone.
import assert from 'node:assert/strict';
import { OKENDO_REVIEW_REQUEST_TRIGGER } from '@rapport/contract';
import { after, before, describe, test } from 'node:test';
import { createLegacyAutomation } from '../src/index.js';
import type { OutboxEntryView } from '../src/schemas/messages.js';

type DailyCount = { day: string; key: string; count: number };
import { nextPhone, startHarness, type Harness, type Shop } from './harness.js';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

async function okendoShop(name: string): Promise<{ shop: Shop; triggerId: string }> {
  const shop = await h.newShop(name);
  const r = await h.request('POST', '/v1/triggers', {
    shop,
    body: { name: 'Okendo Review Request', tags: OKENDO_REVIEW_REQUEST_TRIGGER.tags.map((t) => t.key) },
  });
  await createLegacyAutomation(h.database, h.clock, {
    shopId: shop.shopId,
    trigger: 'Okendo Review Request',
    message: 'How was it? {review_url}',
    enabled: true,
    name: 'Review ask',
  });
  return { shop, triggerId: r.body.id };
}

describe('Messages: the outbox with why a text waits or was not sent', () => {
  test('a text fired at 23:00 New York is held until 08:00; one to a subscriber who texted STOP is suppressed', async () => {
    const { shop, triggerId } = await okendoShop('Night Owl Tea');
    h.clock.set(new Date('2026-03-11T03:00:00Z')); // 23:00 EDT
    const ada = await h.subscribe(shop, nextPhone('212'));
    const bo = await h.subscribe(shop, nextPhone('212'));
    await h.reply(bo.phone_number, 'STOP');
    await h.request('POST', `/v1/triggers/${triggerId}/subscribers/${ada.id}`, { shop, body: { review_url: 'https://r.example/a' } });
    await h.request('POST', `/v1/triggers/${triggerId}/subscribers/${bo.id}`, { shop, body: { review_url: 'https://r.example/b' } });
    await h.runDue();

    const all = await h.request('GET', '/api/outbox', { shop });
    assert.equal(all.status, 200, JSON.stringify(all.body));
    const automation = all.body.messages.filter((m: OutboxEntryView) => m.purpose === 'automation');
    const byTo = new Map<string, OutboxEntryView>(automation.map((m: OutboxEntryView) => [m.to, m]));
    const held = byTo.get(ada.phone_number)!;
    assert.equal(held.state, 'held');
    assert.equal(held.held_until, '2026-03-11T12:00:00.000Z', '08:00 EDT');
    assert.equal(held.automation?.name, 'Review ask');
    const suppressed = byTo.get(bo.phone_number)!;
    assert.equal(suppressed.state, 'suppressed');
    assert.equal(suppressed.status_reason, 'opted_out');
    assert.equal(suppressed.held_until, null);
    // Newest first; every text of the shop (opt-in prompts and confirmations too), counted.
    assert.equal(all.body.total, all.body.messages.length);
    const created = all.body.messages.map((m: OutboxEntryView) => m.created_at);
    assert.deepEqual(created, [...created].sort().reverse());

    const cases: { state: string; count: number }[] = [
      { state: 'held', count: 1 },
      { state: 'suppressed', count: 1 },
      { state: 'queued', count: 0 },
      { state: 'failed', count: 0 },
    ];
    for (const c of cases) {
      const r = await h.request('GET', `/api/outbox?state=${c.state}`, { shop });
      assert.equal(r.body.total, c.count, c.state);
      assert.ok(r.body.messages.every((m: OutboxEntryView) => m.state === c.state));
    }
    const page = await h.request('GET', '/api/outbox?page=2&page_size=2', { shop });
    assert.equal(page.body.page, 2);
    assert.equal(page.body.messages.length, Math.min(2, all.body.total - 2));

    const bad = await h.request('GET', '/api/outbox?state=lost', { shop });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.errors[0].loc.slice(0, 2), ['query', 'state']);
    const other = await h.newShop('Someone Else');
    assert.equal((await h.request('GET', '/api/outbox', { shop: other })).body.total, 0, 'another shop sees none of it');
  });
});

describe('Settings', () => {
  test('shows the provider and number, the HELP reply and the quiet hours; time zone and currency change, bad ones are refused naming the field', async () => {
    const shop = await h.newShop('Acme Outdoor');
    const r = await h.request('GET', '/api/dashboard/settings', { shop });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.sending.provider, 'dev');
    assert.match(r.body.sending.from_number, /^\+1\d{10}$/);
    assert.equal(r.body.sending.scope, 'install');
    assert.match(r.body.help_text, /^Acme Outdoor: .*Reply STOP to unsubscribe\.$/);
    assert.deepEqual(r.body.quiet_hours.rules[0], { region: 'US (federal)', window: '08:00–21:00' });
    assert.deepEqual(
      r.body.quiet_hours.rules.find((x: { region: string }) => x.region === 'TX'),
      { region: 'TX', window: 'Mon–Sat 09:00–21:00, Sun 12:00–21:00' },
    );
    assert.deepEqual(
      r.body.quiet_hours.rules.find((x: { region: string }) => x.region === 'RI'),
      { region: 'RI', window: 'Mon–Fri 09:00–18:00, Sat–Sun 10:00–17:00' },
    );

    const saved = await h.request('PATCH', '/api/dashboard/settings', { shop, body: { time_zone: 'Europe/Berlin', currency: 'EUR' } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual([saved.body.shop.time_zone, saved.body.shop.currency], ['Europe/Berlin', 'EUR']);
    assert.equal((await h.request('GET', '/api/dashboard/settings', { shop })).body.shop.time_zone, 'Europe/Berlin');

    const refusals: { body: Record<string, unknown>; loc: string[] }[] = [
      { body: { time_zone: 'Mars/Olympus' }, loc: ['body', 'time_zone'] },
      { body: { currency: 'XYZ' }, loc: ['body', 'currency'] },
      { body: { name: '   ' }, loc: ['body', 'name'] },
      { body: { help_text: 'x' }, loc: ['body', 'help_text'] },
    ];
    for (const c of refusals) {
      const bad = await h.request('PATCH', '/api/dashboard/settings', { shop, body: c.body });
      assert.equal(bad.status, 400, JSON.stringify(c.body));
      assert.deepEqual(bad.body.errors[0].loc, c.loc);
    }
    assert.equal((await h.request('GET', '/api/dashboard/settings', { shop })).body.shop.currency, 'EUR', 'nothing half-written');
  });
});

describe('home charts: per calendar day of the shop’s zone', () => {
  test('texts by outcome and events by type land on the shop’s local day', async () => {
    const shop = await h.newShop('Chart Shop');
    await h.request('PATCH', '/api/dashboard/settings', { shop, body: { time_zone: 'America/New_York' } });
    // 2026-03-12 03:30 UTC is still the 11th in New York (23:30 EDT).
    h.clock.set(new Date('2026-03-12T03:30:00Z'));
    const sub = await h.subscribe(shop, nextPhone('415'));
    const event = (type: string) => h.request('POST', '/api/v2/events', { shop, body: { type, subscriber_id: sub.id, properties: {} } });
    assert.equal((await event('Review Created')).status, 202);
    h.clock.set(new Date('2026-03-12T05:00:00Z')); // 01:00 EDT on the 12th
    await event('Review Created');
    await event('Review Request Created');
    await h.runDue();

    const r = await h.request('GET', '/api/dashboard/stats?days=3', { shop });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([r.body.from, r.body.to, r.body.time_zone], ['2026-03-10', '2026-03-12', 'America/New_York']);
    assert.deepEqual(r.body.events, [
      { day: '2026-03-11', key: 'Review Created', count: 1 },
      { day: '2026-03-12', key: 'Review Created', count: 1 },
      { day: '2026-03-12', key: 'Review Request Created', count: 1 },
    ]);
    // The opt-in prompt and its confirmation, both sent on the 11th (local); the dev carrier reports delivery.
    const texts = r.body.texts.filter((t: DailyCount) => t.day === '2026-03-11');
    assert.equal(
      texts.reduce((n: number, t: DailyCount) => n + t.count, 0),
      2,
      JSON.stringify(r.body.texts),
    );
    assert.ok(texts.every((t: DailyCount) => ['sent', 'delivered', 'failed'].includes(t.key)));
    assert.equal((await h.request('GET', '/api/dashboard/stats?days=0', { shop })).status, 400);
  });
});
