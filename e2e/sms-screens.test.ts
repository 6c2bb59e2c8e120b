// The SMS dashboard's Messages, Settings and home charts, in Chromium, with the service's clock standing at
// 23:00 in New York: a review text is held for quiet hours, one to a subscriber who texted STOP is not sent,
// and the merchant sees why on Messages. Screenshots in test-results/sms-screens/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OKENDO_REVIEW_REQUEST_TRIGGER } from '@rapport/contract';
import { DevClock } from '@rapport/kit';
import type { OutboxEntryView } from '@rapport/sms/schemas';
import { dashboardSession } from './helpers/session.js';
import { createKeyPair, ownerWithShop } from './helpers/sms-owner.js';

const SHOTS = 'test-results/sms-screens';
const SHOP = 'Night Owl Tea';
const OWNER = { email: 'owner@nightowl.test', password: 'correct horse battery' };
const ADA = '+12125550161';
const BO = '+12125550162';

const session = dashboardSession('sms', { clock: new DevClock(new Date('2026-03-11T03:00:00Z')), worker: true }, SHOTS); // 23:00 EDT
const shot = session.shot;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test glue reads several response shapes
async function call(key: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${session.served.origin}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json();
  assert.ok(res.ok, `${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const reply = (from: string, body: string) =>
  fetch(`${session.served.origin}/dev/carrier/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, body }),
  });

async function outboxSettled(key: string, count: number) {
  for (let i = 0; i < 100; i++) {
    const { messages } = await call(key, 'GET', '/api/outbox?page_size=100');
    const automation = messages.filter((m: OutboxEntryView) => m.purpose === 'automation');
    if (automation.length === count && automation.every((m: OutboxEntryView) => m.state === 'held' || m.state === 'suppressed')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(
    `the automation texts were not decided: ${JSON.stringify((await call(key, 'GET', '/api/outbox?page_size=100')).messages.map((m: OutboxEntryView) => [m.purpose, m.to, m.state, m.status_reason]))}`,
  );
}

test('Messages says why a text waits or was not sent; Settings saves; the home page charts the day', async () => {
  const { page, served } = session;
  await ownerWithShop(page, served.setupUrl, SHOP, OWNER);
  const key = await createKeyPair(page, SHOP, 'Okendo');
  const menu = page.getByRole('navigation', { name: 'Main menu' });

  // Okendo's trigger and an automation on it; two subscribers confirm with Y, then Bo texts STOP.
  const trigger = await call(key, 'POST', '/v1/triggers', {
    name: 'Okendo Review Request',
    tags: OKENDO_REVIEW_REQUEST_TRIGGER.tags.map((t) => t.key),
  });
  await call(key, 'POST', '/api/automations', {
    name: 'Review ask',
    trigger: 'Okendo Review Request',
    messages: [{ body: 'How was your tea? {review_url}' }],
    enabled: true,
  });
  const ids: string[] = [];
  for (const phone of [ADA, BO]) {
    ids.push((await call(key, 'POST', '/api/v2/subscribers', { phone_number: phone })).id);
    assert.equal((await reply(phone, 'Y')).status, 200);
  }
  assert.equal((await reply(BO, 'STOP')).status, 200);
  for (const id of ids) await call(key, 'POST', `/v1/triggers/${trigger.id}/subscribers/${id}`, { review_url: 'https://r.example/x' });
  await outboxSettled(key, 2);

  // Messaging → Messages: the held text and the suppressed one, each with its reason.
  await menu.getByRole('button', { name: 'Messaging' }).click();
  await menu.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
  const table = page.getByRole('table', { name: 'Messages' });
  const rowTo = (phone: string) => table.getByRole('row').filter({ hasText: phone }).filter({ hasText: 'How was your tea?' });
  await rowTo(ADA).getByText("Held for quiet hours until Mar 11, 2026, 8:00 AM, when the recipient's sending window opens").waitFor();
  await rowTo(ADA).getByRole('link', { name: 'Review ask' }).waitFor();
  await rowTo(BO).getByText('Not sent: the subscriber opted out (texted STOP or was unsubscribed)').waitFor();
  await shot(page, '01-messages');
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'Held for quiet hours' }).click();
  await page.getByText('1 text', { exact: true }).waitFor();
  assert.equal(await table.getByRole('row').filter({ hasText: BO }).count(), 0, 'the filter leaves the suppressed text out');

  // Settings: the provider and number, the HELP reply, quiet hours; the currency changes and stays.
  await menu.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await page.getByText('Dev carrier (texts stay on this machine: /dev/phone)').waitFor();
  await page.getByText(`${SHOP}: Automated marketing msgs.`, { exact: false }).waitFor();
  await page
    .getByRole('table', { name: 'Quiet hours' })
    .getByRole('row', { name: /TX/ })
    .getByText('Mon–Sat 09:00–21:00, Sun 12:00–21:00')
    .waitFor();
  await page.getByRole('combobox', { name: 'Currency' }).click();
  await page.getByRole('combobox', { name: 'Currency' }).fill('EUR');
  await page.getByRole('option', { name: /EUR/ }).first().click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('status').getByText('Saved').waitFor();
  await shot(page, '02-settings');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  assert.match(await page.getByRole('combobox', { name: 'Currency' }).inputValue(), /EUR/);

  // Home: today's texts and events in the charts, their numbers in the tables beside them.
  await menu.getByRole('link', { name: 'Home' }).click();
  const texts = page.getByRole('region', { name: 'Texts per day' });
  await texts.locator('.recharts-surface').first().waitFor();
  const today = texts.getByRole('table').getByRole('row', { name: /2026-03-10/ });
  assert.match((await today.textContent()) ?? '', /2026-03-10/);
  const events = page.getByRole('region', { name: 'Events received per day by type' });
  await events.getByText('No events in the last 30 days.').waitFor();
  await shot(page, '03-home');

  // A phone: the same Messages screen behind the burger menu.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Open menu' }).click();
  const messaging = page.getByRole('button', { name: 'Messaging' });
  if ((await messaging.getAttribute('aria-expanded')) !== 'true') await messaging.click();
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
  // Cards instead of a table too wide for a phone, each with its state and why.
  await page
    .getByRole('article', { name: `Text to ${ADA}` })
    .filter({ hasText: 'How was your tea?' })
    .getByText('Held for quiet hours', { exact: false })
    .waitFor();
  assert.equal(await page.getByRole('table', { name: 'Messages' }).count(), 0);
  await shot(page, '04-phone-messages');
});
