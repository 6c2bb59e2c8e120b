// A legacy automation on an Okendo event type, built in Chromium with nothing but clicks and typing:
// Messaging → Automations → Create Legacy Automation → Custom Automation → the event "Review Created"
// from the Automation Trigger list → a message with {Product Name} inserted through More → Add Tag →
// Save → Enabled. Then a Review Created event for the subscriber arrives through the API and the text
// shows on /dev/phone. Screenshots in test-results/event-automation/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DevClock } from '@rapport/kit';
import { confirmOnPhone, dashboardSession } from './helpers/session.js';
import { apiPost, createKeyPair, ownerWithShop } from './helpers/sms-owner.js';

const SHOTS = 'test-results/event-automation';
const SHOP = 'Linen & Loom';
const OWNER = { email: 'owner@linenloom.test', password: 'correct horse battery' };
const PHONE = '+12125550171';

const session = dashboardSession('sms', { clock: new DevClock(new Date('2026-03-10T16:00:00Z')), worker: true }, SHOTS); // noon in New York
const shot = session.shot;

const call = (key: string, path: string, body: unknown) => apiPost(session.served.origin, key, path, body);

test('Review Created → a thank-you text naming the product, built in the dashboard', async () => {
  const { page, browser, served } = session;
  await ownerWithShop(page, served.setupUrl, SHOP, OWNER);
  const key = await createKeyPair(page, SHOP, 'Okendo');
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await menu.getByRole('button', { name: 'Messaging' }).click();
  await menu.getByRole('link', { name: 'Automations' }).click();
  await page.getByRole('button', { name: 'Create Automation' }).click();
  await page.getByRole('menuitem', { name: 'Create Legacy Automation' }).click();
  await page.getByRole('button', { name: 'Custom Automation' }).click();

  // The event is in the list before any event arrived; typing narrows it.
  const triggerBox = page.getByRole('combobox', { name: 'Automation Trigger' });
  await triggerBox.click();
  await triggerBox.fill('review cr');
  await shot(page, '01-trigger-search');
  await page.getByRole('option', { name: 'Review Created', exact: true }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Name' }).inputValue(), 'Review Created');
  await page.getByRole('button', { name: 'Save & Continue to Messages' }).click();

  const message = page.getByRole('textbox', { name: 'Message', exact: true });
  await message.fill('Thanks for reviewing ');
  await page.getByRole('button', { name: 'More' }).click();
  await page.getByRole('menuitem', { name: 'Add Tag' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Tag' });
  await dialog.getByRole('combobox', { name: 'Tag' }).click();
  await page.getByRole('option', { name: 'Product Name', exact: true }).click();
  await shot(page, '02-add-tag');
  await dialog.getByRole('button', { name: 'Insert Tag' }).click();
  await dialog.waitFor({ state: 'detached' });
  await message.press('End');
  await page.keyboard.type('!');
  assert.equal(await message.inputValue(), 'Thanks for reviewing {Product Name}!');
  await page.getByText('Thanks for reviewing [Product Name]!').waitFor(); // the preview's sample value
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save Automation');
    return button !== undefined && !button.disabled;
  });
  await shot(page, '03-message');
  await page.getByRole('button', { name: 'Save Automation' }).click();
  await page.waitForURL(/\/automations$/);
  const row = page.getByRole('row').filter({ hasText: 'Review Created' });
  const enabled = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/automations/'));
  await row.getByRole('switch', { name: 'Enabled' }).click();
  assert.equal((await enabled).status(), 200);
  await shot(page, '04-enabled');

  // A subscriber confirms on the phone simulator; Okendo sends Review Created for them.
  const created = await call(key, '/api/v2/subscribers', { phone_number: PHONE, first_name: 'Ada' });
  assert.equal(created.status, 201, await created.clone().text());
  const subscriber = (await created.json()) as { id: string };
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await confirmOnPhone(phone, served.origin, PHONE);
  const event = await call(key, '/api/v2/events', {
    type: 'Review Created',
    subscriber_id: subscriber.id,
    external_id: 'review-1',
    properties: { 'Product Name': 'Linen Shirt', Rating: 5 },
  });
  assert.equal(event.status, 202, await event.clone().text());
  await phone.getByText('Thanks for reviewing Linen Shirt!').waitFor({ timeout: 15_000 });
  await shot(phone, '05-phone');

  // The list counts the text.
  await page.reload();
  await page.getByRole('row').filter({ hasText: 'Review Created' }).getByText('1', { exact: true }).waitFor();
});
