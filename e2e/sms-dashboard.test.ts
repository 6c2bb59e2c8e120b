// The SMS dashboard's two pages of the seed, clicked through as written, in Debian's Chromium against the
// real SMS service serving its built dashboard:
//   "Select your Shop Name in the side menu …, then select API. Select Create Security Key Pair …, then
//   confirm your action by selecting Yes. Add a label … Select Show in the Private Key column to reveal
//   your API key. Copy this key" — and Revoke, which the seed does not walk but a leaked key needs;
//   "Select Messaging in the side menu …, then select Automations. … select Create Automation, then choose
//   Create Legacy Automation … select Custom Automation. Select Okendo Review Request from the Automation
//   Trigger drop-down list. Select Save & Continue to Messages. … select the More drop-down button above
//   the message field, then select Add Tag. … select Review Url. Make sure your typing cursor is where you
//   want the tag placed, then select Insert Tag. … Select Save Automation … select the Enabled toggle so
//   it changes to blue."
// Then the same menu on a 390×844 phone. Every step leaves a screenshot in test-results/sms-dashboard/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { AutomationView, NewKeyPair } from '@rapport/sms/schemas';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { serve, type Served } from './helpers/serve.js';
import { ownerWithShop as ownerWithShopAt } from './helpers/sms-owner.js';

const SHOTS = 'test-results/sms-dashboard';
const SHOP = 'Acme Outdoor Supply';
const OWNER = { email: 'owner@example.com', password: 'correct horse battery' };
const BODY = 'Thanks {first_name}! Review: {review_url}';
/** Mantine's blue.6, the filled color of `color="blue"`: the Enabled toggle once on. */
const MANTINE_BLUE = 'rgb(34, 139, 230)';

// One service, one owner and one desktop window for the whole file: each test goes on where the last stopped.
let browser: Browser;
let served: Served;
let context: BrowserContext;
let page: Page;
let errors: string[];
/** The pair Okendo connects with (the other one is revoked on the API page). */
let integration: NewKeyPair;
before(async () => {
  browser = await launchChromium();
  served = await serve('sms');
  mkdirSync(SHOTS, { recursive: true });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Copy writes to the clipboard; the test reads it back to see what was copied.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
  page = await context.newPage();
  errors = trackErrors(page);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await served?.stop();
});

let shot = 0;
/** A full-page screenshot once the dialogs, menus and drawer have finished moving. */
async function screenshot(page: Page, name: string) {
  // Two frames first: Mantine starts a transition a frame after mounting what moves.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  await page.screenshot({ path: `${SHOTS}/${String(++shot).padStart(2, '0')}-${name}.png`, fullPage: true });
}

/** An API call as an integration makes it: the shop's private key, no session. */
async function withKey(key: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${served.origin}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${key}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
}

const ownerWithShop = (page: Page) => ownerWithShopAt(page, served.setupUrl, SHOP, OWNER);

/** "Create Security Key Pair → Yes", returning the pair the server answered with. */
async function createPair(page: Page): Promise<NewKeyPair> {
  await page.getByRole('button', { name: 'Create Security Key Pair' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create Security Key Pair' });
  await dialog.getByText(`Create a new security key pair for ${SHOP}?`).waitFor();
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/dashboard/keys' && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Yes' }).click();
  const response = await answer;
  assert.equal(response.status(), 201);
  return (await response.json()) as NewKeyPair;
}

const rowOf = (page: Page, publicKey: string): Locator => page.getByRole('row').filter({ hasText: publicKey });

function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Chromium logs every refused request ("Failed to load resource: … 401" while logged out); those are
    // answers the page handles. Anything else logged as an error (a CSP refusal, React) is a fault.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  return errors;
}

test('API: the shop’s name in the side menu → API → Create Security Key Pair → Yes → a label → Show → Copy → Revoke', async () => {
  await ownerWithShop(page);
  const menu = page.getByRole('navigation', { name: 'Main menu' });

  // "Select your Shop Name in the side menu …, then select API." The group starts closed off its pages.
  const shopGroup = menu.getByRole('button', { name: SHOP });
  assert.equal(await shopGroup.getAttribute('aria-expanded'), 'false');
  await screenshot(page, 'home-menu');
  await shopGroup.click();
  assert.equal(await shopGroup.getAttribute('aria-expanded'), 'true');
  await menu.getByRole('link', { name: 'API' }).click();
  await page.getByRole('heading', { level: 1, name: 'API' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/api-keys');
  assert.equal(await menu.getByRole('link', { name: 'API' }).getAttribute('aria-current'), 'page');
  await page.getByText('No key pairs yet.', { exact: false }).waitFor();
  await screenshot(page, 'api-empty');

  // Create Security Key Pair → Yes → a label → Save label.
  await page.getByRole('button', { name: 'Create Security Key Pair' }).click();
  await page.getByRole('dialog', { name: 'Create Security Key Pair' }).waitFor();
  await screenshot(page, 'api-confirm');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  const okendo = await createPair(page);
  assert.match(okendo.private_key, /^sk_/);
  const labelDialog = page.getByRole('dialog', { name: 'Label your key pair' });
  await labelDialog.getByRole('textbox', { name: 'Label' }).fill('Okendo');
  await screenshot(page, 'api-label');
  await labelDialog.getByRole('button', { name: 'Save label' }).click();
  await labelDialog.waitFor({ state: 'detached' });
  const row = rowOf(page, okendo.public_key);
  await row.getByText('Okendo', { exact: true }).waitFor();
  await row.getByText('Active').waitFor();

  // Show in the Private Key column: the key created, and it authenticates the API.
  await row.getByRole('button', { name: 'Show' }).click();
  // The shown key has a row of its own, under the pair's.
  const revealed = page.getByRole('textbox', { name: 'Private key' });
  await revealed.waitFor();
  assert.equal(await revealed.inputValue(), okendo.private_key);
  assert.equal(await revealed.getAttribute('readonly'), '');
  const me = await withKey(okendo.private_key, '/api/v2/me');
  assert.equal(me.status, 200);
  assert.equal(((await me.json()) as { resource_name: string }).resource_name, SHOP);
  await screenshot(page, 'api-shown');

  // Copy puts exactly that key on the clipboard.
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.getByRole('button', { name: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), okendo.private_key);

  // Edit label, in place.
  await row.getByRole('button', { name: 'Edit label' }).click();
  await row.getByRole('textbox', { name: 'Label' }).fill('Okendo reviews');
  await row.getByRole('button', { name: 'Save label' }).click();
  await row.getByText('Okendo reviews', { exact: true }).waitFor();

  // A second pair, whose dialog is closed without a label: it is listed as having none.
  const second = await createPair(page);
  integration = second;
  await page.getByRole('dialog', { name: 'Label your key pair' }).getByRole('button', { name: 'Skip' }).click();
  await rowOf(page, second.public_key).getByText('No label').waitFor();

  // Revoke the first: asked once more, then it stops authenticating within the 5 s the dialog promises.
  await row.getByRole('button', { name: 'Revoke' }).click();
  const revokeDialog = page.getByRole('dialog', { name: 'Revoke this key pair?' });
  await revokeDialog.getByText(/stops working within 5 seconds for every caller/).waitFor();
  await screenshot(page, 'api-revoke');
  await revokeDialog.getByRole('button', { name: 'Revoke key' }).click();
  await revokeDialog.waitFor({ state: 'detached' });
  await row.getByText('Revoked').waitFor();
  assert.equal(await row.getByRole('button', { name: 'Show' }).count(), 0);
  assert.equal(await page.getByRole('textbox', { name: 'Private key' }).count(), 0);
  assert.equal(await row.getByRole('button', { name: 'Revoke' }).count(), 0);
  const revokedAt = Date.now();
  while ((await withKey(okendo.private_key, '/api/v2/me')).status !== 401) {
    assert.ok(Date.now() - revokedAt < 6_000, 'a revoked key stops working within 5 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  await screenshot(page, 'api-revoked');
  assert.deepEqual(errors, []);
});

test('Automations: Messaging → Automations → Create Legacy Automation → Custom Automation → tags at the cursor → Save → Enabled', async () => {
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  const second = integration;

  // "Select Messaging in the side menu …, then select Automations."
  await menu.getByRole('button', { name: 'Messaging' }).click();
  await menu.getByRole('link', { name: 'Automations' }).click();
  await page.getByRole('heading', { level: 1, name: 'Automations' }).waitFor();
  await page.getByText('No automations yet.', { exact: false }).waitFor();

  // "… select Create Automation, then choose Create Legacy Automation … select Custom Automation."
  await page.getByRole('button', { name: 'Create Automation' }).click();
  await screenshot(page, 'automations-menu');
  await page.getByRole('menuitem', { name: 'Create Legacy Automation' }).click();
  await page.getByRole('heading', { level: 1, name: 'Create Legacy Automation' }).waitFor();
  await screenshot(page, 'automations-choose');
  await page.getByRole('button', { name: 'Custom Automation' }).click();

  // No integration has registered a trigger yet: the Okendo events are offered already, and the page says
  // how the review-request trigger arrives.
  await page.getByText('Okendo Review Request appears once Okendo is connected').waitFor();
  await page.getByRole('combobox', { name: 'Automation Trigger' }).click();
  await page.getByRole('option', { name: 'Review Created' }).waitFor();
  assert.equal(await page.getByRole('option', { name: 'Okendo Loyalty Points Awarded' }).count(), 1);
  await screenshot(page, 'automation-no-trigger');
  await page.keyboard.press('Escape');

  // Okendo connects with the other key and registers its trigger (as the reviews platform does).
  const registered = await withKey(second.private_key, '/v1/triggers', {
    method: 'POST',
    body: { name: 'Okendo Review Request', tags: ['review_url', 'first_name'] },
  });
  assert.equal(registered.status, 201);
  await page.getByRole('link', { name: '← Create Legacy Automation' }).click();
  await page.getByRole('button', { name: 'Custom Automation' }).click();

  // "Select Okendo Review Request from the Automation Trigger drop-down list. Select Save & Continue to Messages."
  await page.getByRole('heading', { level: 1, name: 'Custom Automation' }).waitFor();
  const next = page.getByRole('button', { name: 'Save & Continue to Messages' });
  assert.equal(await next.isDisabled(), true);
  await page.getByRole('combobox', { name: 'Automation Trigger' }).click();
  await page.getByRole('option', { name: 'Okendo Review Request' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Name' }).inputValue(), 'Okendo Review Request');
  await screenshot(page, 'automation-trigger');
  await next.click();

  // The message, with the cursor placed right after "Thanks ".
  const message = page.getByRole('textbox', { name: 'Message', exact: true });
  await message.fill('Thanks ! Review: ');
  await message.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 7));

  // "… select the More drop-down button above the message field, then select Add Tag."
  const addTag = async (label: string) => {
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Add Tag' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add Tag' });
    await dialog.getByRole('combobox', { name: 'Tag' }).click();
    await page.getByRole('option', { name: label, exact: true }).click();
    await screenshot(page, `add-tag-${label.toLowerCase().replace(/\W+/g, '-')}`);
    await dialog.getByRole('button', { name: 'Insert Tag' }).click();
    await dialog.waitFor({ state: 'detached' });
  };
  await addTag('First Name');
  assert.equal(await message.inputValue(), 'Thanks {first_name}! Review: ');
  // The cursor is back in the field, just after the tag.
  assert.deepEqual(
    await message.evaluate((el: HTMLTextAreaElement) => [document.activeElement === el, el.selectionStart, el.selectionEnd]),
    [true, 19, 19],
  );

  // "Make sure your typing cursor is where you want the tag placed" — the end — "then select Insert Tag."
  await page.keyboard.press('End');
  await addTag('Review Url');
  assert.equal(await message.inputValue(), BODY);

  // The live preview: sample values, one SMS part.
  await page.getByText(/^Thanks Jane! Review: http:\/\//).waitFor();
  await page.getByText(/^1 SMS part · GSM-7 · \d+ characters$/).waitFor();
  const save = page.getByRole('button', { name: 'Save Automation' });
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save Automation');
    return button !== undefined && !button.disabled;
  });
  await screenshot(page, 'automation-message');

  // A brace left open is shown in red, and Save is refused with the reason beside it until it is gone.
  await message.press('End');
  await page.keyboard.type('{oops');
  await page.getByText(/is never closed: write \{tag\}/).waitFor();
  await page.getByText('Fix the problems shown in red under the message to save.').waitFor();
  assert.equal(await save.isDisabled(), true);
  await screenshot(page, 'automation-error');
  for (let i = 0; i < '{oops'.length; i++) await page.keyboard.press('Backspace');
  assert.equal(await message.inputValue(), BODY);
  await page.getByText(/is never closed/).waitFor({ state: 'detached' });
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save Automation');
    return button !== undefined && !button.disabled;
  });

  // "Select Save Automation in the bottom-right corner of the page."
  await save.click();
  await page.waitForURL(/\/automations$/);
  await page.getByText('“Okendo Review Request” is saved.', { exact: false }).waitFor();
  const toggle = page.getByRole('switch', { name: 'Enabled' });
  assert.equal(await toggle.isChecked(), false);
  await screenshot(page, 'automations-saved');

  // "Last, select the Enabled toggle so it changes to blue."
  const enabled = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/automations/'));
  await toggle.click();
  assert.equal((await enabled).status(), 200);
  assert.equal(await toggle.isChecked(), true);
  // Blue once its color transition ends.
  await page.waitForFunction(
    (blue) => {
      const track = document.querySelector('.mantine-Switch-track');
      return track !== null && getComputedStyle(track).backgroundColor === blue;
    },
    MANTINE_BLUE,
    { timeout: 2_000 },
  );
  await screenshot(page, 'automations-enabled');

  const listed = await withKey(second.private_key, '/api/automations');
  const [automation, ...others] = ((await listed.json()) as { automations: AutomationView[] }).automations;
  assert.deepEqual(others, []);
  assert.ok(automation);
  assert.equal(automation.enabled, true);
  assert.equal(automation.name, 'Okendo Review Request');
  assert.equal(automation.trigger.name, 'Okendo Review Request');
  assert.deepEqual(
    automation.messages.map((m) => ({ body: m.body, delay_minutes: m.delay_minutes, warnings: m.warnings })),
    [{ body: BODY, delay_minutes: 0, warnings: [] }],
  );

  // Its name opens the same editor: a new name is saved; it stays enabled.
  await page.getByRole('link', { name: 'Okendo Review Request' }).click();
  await page.getByRole('heading', { level: 1, name: 'Okendo Review Request' }).waitFor();
  assert.equal(await message.inputValue(), BODY);
  await page.getByRole('textbox', { name: 'Name' }).fill('Review request after delivery');
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save Automation');
    return button !== undefined && !button.disabled;
  });
  await screenshot(page, 'automation-edit');
  await save.click();
  await page.waitForURL(/\/automations$/);
  await page.getByRole('link', { name: 'Review request after delivery' }).waitFor();
  assert.equal(await page.getByRole('switch', { name: 'Enabled: Review request after delivery' }).isChecked(), true);

  // Delete, asked once more.
  await page.getByRole('link', { name: 'Review request after delivery' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const deleteDialog = page.getByRole('dialog', { name: 'Delete this automation?' });
  await screenshot(page, 'automation-delete');
  await deleteDialog.getByRole('button', { name: 'Delete automation' }).click();
  await page.waitForURL(/\/automations$/);
  await page.getByText('No automations yet.', { exact: false }).waitFor();
  assert.deepEqual(((await (await withKey(second.private_key, '/api/automations')).json()) as { automations: unknown[] }).automations, []);

  assert.deepEqual(errors, []);
});

test('On a 390×844 phone: the menu behind the burger → API; the pairs and automations as cards', async () => {
  const second = integration;
  // The same login, in a phone-sized window.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await context.storageState() });
  try {
    const p = await phone.newPage();
    const phoneErrors = trackErrors(p);
    await p.goto(`${served.origin}/`);
    await p.getByRole('heading', { level: 1, name: SHOP }).waitFor();
    await p.getByRole('button', { name: 'Open menu' }).click();
    const phoneMenu = p.getByRole('navigation', { name: 'Main menu' });
    await phoneMenu.getByRole('button', { name: SHOP }).click();
    await screenshot(p, 'phone-menu');
    await phoneMenu.getByRole('link', { name: 'API' }).click();
    await p.getByRole('heading', { level: 1, name: 'API' }).waitFor();
    await p.getByRole('button', { name: 'Open menu' }).waitFor();
    // On a phone each pair is a card, so Show is not off-screen in a wide table.
    const card = p.getByRole('listitem').filter({ hasText: second.public_key });
    await card.getByRole('button', { name: 'Show' }).click();
    assert.equal(await card.getByRole('textbox', { name: 'Private key' }).inputValue(), second.private_key);
    await screenshot(p, 'phone-api');
    // The menu opens again on the current page's group.
    await p.getByRole('button', { name: 'Open menu' }).click();
    assert.equal(await phoneMenu.getByRole('button', { name: SHOP }).getAttribute('aria-expanded'), 'true');
    await phoneMenu.getByRole('button', { name: 'Messaging' }).click();
    await phoneMenu.getByRole('link', { name: 'Automations' }).click();
    await p.getByRole('heading', { level: 1, name: 'Automations' }).waitFor();
    await p.getByRole('button', { name: 'Create Automation' }).click();
    await p.getByRole('menuitem', { name: 'Create Legacy Automation' }).click();
    await p.getByRole('button', { name: 'Custom Automation' }).click();
    await p.getByRole('combobox', { name: 'Automation Trigger' }).click();
    await p.getByRole('option', { name: 'Okendo Review Request' }).click();
    await p.getByRole('button', { name: 'Save & Continue to Messages' }).click();
    await p.getByRole('textbox', { name: 'Message', exact: true }).fill('Hi {first_name}, how was your order? {review_url}');
    await p.getByText(/^1 SMS part · GSM-7/).waitFor();
    await screenshot(p, 'phone-editor');
    await p.waitForFunction(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save Automation');
      return button !== undefined && !button.disabled;
    });
    await p.getByRole('button', { name: 'Save Automation' }).click();
    await p.waitForURL(/\/automations$/);
    const phoneToggle = p.getByRole('listitem').getByRole('switch', { name: 'Enabled: Okendo Review Request' });
    await phoneToggle.click();
    await p.waitForFunction(() => document.querySelector<HTMLInputElement>('[role="switch"]')?.checked === true);
    await screenshot(p, 'phone-automations');
    assert.deepEqual(phoneErrors, []);
  } finally {
    await phone.close();
  }
});
