// The seed, followed literally in Debian's Chromium with nothing but clicks and typing, against
// `rapport start` as a merchant runs it: both owners set up through the printed setup links; the shop and
// the store created in the dashboards; Postscript → API → Create Security Key Pair → Yes → label → Show →
// copy; Okendo → Settings → Integrations → Email & SMS → Postscript → Private API Key → Save; Messaging →
// Automations → Create Automation → Create Legacy Automation → Custom Automation → Okendo Review Request →
// Save & Continue to Messages → More → Add Tag → Review Url → Insert Tag → Save Automation → Enabled; Mail →
// Sequences → Postscript → Get Started → Wait 0 days after fulfillment → Save → Start. Then a phone
// subscribes and answers Y on /dev/phone, Shopify reports the order fulfilled, the text with the review link
// arrives, the shopper writes the review, and *Review Created* shows on the subscriber's timeline.
// Screenshots of every step: test-results/seed-journey/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { orderPayload, webhookRequest } from '@rapport/reviews/dev';
import { launchChromium } from './browser.js';
import { startRapport, type StartedRapport } from './helpers/rapport-start.js';
import { confirmOnPhone } from './helpers/session.js';

const SHOTS = 'test-results/seed-journey';
let rapport: StartedRapport;
let browser: Browser;
const contexts: BrowserContext[] = [];
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // Noon in New York: the text is not held for quiet hours.
  rapport = await startRapport('2026-03-10T16:00:00Z');
  browser = await launchChromium();
});
after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await rapport?.stop();
});

let step = 0;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SHOTS}/${String(++step).padStart(2, '0')}-${name}.png`, fullPage: true });

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
  return page;
}

/** The owner's first visit: the printed one-time link, email and password, then onboarding. */
async function setUpOwner(page: Page, setupUrl: string | null, onboard: (page: Page) => Promise<void>) {
  assert.ok(setupUrl, 'rapport start printed a setup link');
  await page.goto(setupUrl);
  await page.getByRole('heading', { name: 'Set up your account' }).waitFor();
  await page.getByRole('textbox', { name: 'Email' }).fill('owner@acme-outdoor.test');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/onboarding$/);
  await onboard(page);
}

const PHONE = '+12125550188';

test('the seed, click by click: key pair → integration → legacy automation → sequence → a review from a text', async () => {
  // Both owners, through the links `rapport start` printed.
  const sms = await newPage();
  await setUpOwner(sms, rapport.banner.setup_urls.sms, async (page) => {
    await page.getByRole('textbox', { name: 'Shop name' }).fill('Acme Outdoor');
    await page.getByRole('combobox', { name: 'Time zone' }).fill('new york');
    await page.getByRole('option', { name: /America\/New York/ }).click();
    await page.getByRole('button', { name: 'Create shop' }).click();
  });
  await sms.getByRole('heading', { level: 1, name: 'Acme Outdoor' }).waitFor();
  await shot(sms, 'sms-shop-created');
  const reviews = await newPage();
  await setUpOwner(reviews, rapport.banner.setup_urls.reviews, async (page) => {
    await page.getByRole('textbox', { name: 'Store name' }).fill('Acme Outdoor');
    await page.getByRole('textbox', { name: 'Shopify shop domain' }).fill('acme-outdoor.myshopify.com');
    await page.getByRole('button', { name: 'Connect store' }).click();
  });
  await reviews.getByRole('heading', { level: 1, name: 'Acme Outdoor' }).waitFor();
  await shot(reviews, 'reviews-store-connected');

  // "Select your Shop Name in the side menu of your Postscript dashboard, then select API."
  const smsMenu = sms.getByRole('navigation', { name: 'Main menu' });
  await smsMenu.getByRole('button', { name: 'Acme Outdoor' }).click();
  await smsMenu.getByRole('link', { name: 'API' }).click();
  // "Select Create Security Key Pair …, then confirm your action by selecting Yes."
  await sms.getByRole('button', { name: 'Create Security Key Pair' }).click();
  await sms.getByRole('button', { name: 'Yes' }).click();
  // "Add a label to your API key so you can track where this API key is being used."
  await sms.getByRole('textbox', { name: 'Label' }).fill('Okendo');
  await sms.getByRole('button', { name: 'Save label' }).click();
  await sms.getByRole('cell', { name: 'Okendo' }).waitFor();
  // "Select Show in the Private Key column to reveal your API key. Copy this key."
  await sms.getByRole('button', { name: 'Show' }).click();
  await sms.getByRole('button', { name: 'Copy' }).click();
  const privateKey = (await sms.evaluate(() => navigator.clipboard.readText())).trim();
  assert.match(privateKey, /^sk_/);
  await shot(sms, 'sms-key-pair-shown');

  // "Select Settings in the bottom-left corner … select Integrations … Postscript in the Email & SMS section … the pencil icon."
  const reviewsMenu = reviews.getByRole('navigation', { name: 'Main menu' });
  await reviewsMenu.getByRole('button', { name: 'Settings' }).click();
  await reviewsMenu.getByRole('link', { name: 'Integrations' }).click();
  await reviews.getByRole('heading', { name: 'Email & SMS' }).waitFor();
  await reviews.getByRole('button', { name: 'Edit Postscript' }).click();
  // "Copy your Private API Key in the space provided. Select Save."
  await reviews.getByLabel('Private API Key').fill(privateKey);
  await reviews.getByRole('button', { name: 'Save' }).click();
  // The key is checked against the SMS platform; the tile then says so and names the Postscript shop.
  await reviews.getByRole('dialog', { name: 'Postscript' }).waitFor({ state: 'hidden' });
  const tile = reviews.getByRole('article', { name: 'Postscript' });
  await tile.getByText('Connected', { exact: true }).waitFor();
  await tile.getByText('Acme Outdoor').first().waitFor();
  await shot(reviews, 'reviews-postscript-connected');

  // "Select Messaging in the side menu …, then select Automations."
  await smsMenu.getByRole('button', { name: 'Messaging' }).click();
  await smsMenu.getByRole('link', { name: 'Automations' }).click();
  // "select Create Automation, then choose Create Legacy Automation … select Custom Automation."
  await sms.getByRole('button', { name: 'Create Automation' }).click();
  await sms.getByRole('menuitem', { name: 'Create Legacy Automation' }).click();
  await sms.getByRole('button', { name: 'Custom Automation' }).click();
  // "Select Okendo Review Request from the Automation Trigger drop-down list." (registered when the store connected)
  await sms.getByRole('combobox', { name: 'Automation Trigger' }).click();
  await sms.getByRole('option', { name: 'Okendo Review Request' }).click();
  await shot(sms, 'sms-automation-trigger');
  await sms.getByRole('button', { name: 'Save & Continue to Messages' }).click();
  // "select the More drop-down button above the message field, then select Add Tag … Review Url … Insert Tag."
  const message = sms.getByRole('textbox', { name: 'Message' });
  await message.fill('Thanks for your order! Tell us what you think: ');
  await message.press('End');
  await sms.getByRole('button', { name: 'More' }).click();
  await sms.getByRole('menuitem', { name: 'Add Tag' }).click();
  await sms.getByRole('combobox', { name: 'Tag' }).click();
  await sms.getByRole('option', { name: 'Review Url' }).click();
  await sms.getByRole('button', { name: 'Insert Tag' }).click();
  assert.equal(await message.inputValue(), 'Thanks for your order! Tell us what you think: {review_url}');
  await shot(sms, 'sms-automation-message');
  // "Select Save Automation … select the Enabled toggle so it changes to blue."
  await sms.getByRole('button', { name: 'Save Automation' }).click();
  const enabled = sms.getByRole('switch', { name: /Enabled/ }).first();
  await enabled.click();
  await sms.waitForFunction(() => (document.querySelector('[role="switch"]') as HTMLInputElement | null)?.checked === true);
  await shot(sms, 'sms-automation-enabled');

  // "Select Mail in the side menu …, then select Sequences … the integration section … Postscript … Get Started."
  await reviewsMenu.getByRole('button', { name: 'Mail' }).click();
  await reviewsMenu.getByRole('link', { name: 'Sequences' }).click();
  await reviews.getByRole('button', { name: 'Get Started' }).click();
  // "Select the Wait component, then define your wait criteria in the side panel."
  await reviews.getByRole('button', { name: /^Wait/ }).click();
  await reviews.getByRole('textbox', { name: 'Days' }).fill('0');
  await reviews.getByRole('radio', { name: 'Fulfillment' }).check();
  await reviews.getByRole('button', { name: 'Save' }).click();
  await reviews.getByText('Wait 0 days after fulfillment').first().waitFor();
  // "Save your changes, then select the Start button in the top-left corner of the page."
  await reviews.getByRole('button', { name: 'Start' }).click();
  await reviews.getByRole('button', { name: 'Stop' }).waitFor();
  // The double-wait caution: the SMS side (Rapport) says its automation sends at once, so one wait.
  await reviews.getByText(/this Wait \(0 days after fulfillment\) is the only one/).waitFor();
  await shot(reviews, 'reviews-sequence-started');

  // A subscriber: created with the shop's key (a sign-up form would do the same), confirmed with Y on the phone.
  const created = await fetch(`${rapport.smsUrl}/api/v2/subscribers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${privateKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ phone_number: PHONE, email: 'mara@example.com', first_name: 'Mara' }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const phone = await newPage();
  await confirmOnPhone(phone, rapport.smsUrl, PHONE);

  // Shopify reports the order fulfilled, signed with the store's secret.
  const storeId = await reviews.evaluate(() => localStorage.getItem('rapport-reviews.store'));
  const store = await (await reviews.request.get(`${rapport.reviewsUrl}/api/stores/${storeId}`)).json();
  const order = orderPayload({
    customer: { email: 'mara@example.com', phone: PHONE, firstName: 'Mara', lastName: 'Lind' },
    lineItems: [{ title: 'Trail Jacket', variantTitle: 'Moss / M' }],
    fulfilled: true,
  });
  const hook = webhookRequest({ secret: store.webhook_secret, shopDomain: store.shop_domain, topic: 'orders/fulfilled', payload: order });
  const delivered = await fetch(`${rapport.reviewsUrl}${hook.url}`, { method: 'POST', headers: hook.headers, body: hook.body });
  assert.equal(delivered.status, 200, await delivered.clone().text());

  // The text with the review link arrives; the shopper follows it and writes the review.
  const text = phone.getByText('Tell us what you think:').last();
  await text.waitFor({ timeout: 30_000 });
  await shot(phone, 'phone-review-text');
  // The link is the SMS platform's short link; opening it redirects to the review form.
  const link = /https?:\/\/\S+\/l\/[A-Za-z0-9_-]+/.exec((await text.textContent()) ?? '')?.[0];
  assert.ok(link, 'the text carries the (short) review link');
  await phone.goto(link);
  assert.match(phone.url(), /\/r\/\S+/, 'the short link led to the review form');
  await phone.getByText('Trail Jacket').first().waitFor();
  await phone.getByLabel('5 stars').check();
  await phone.getByLabel('Review title').fill('Dry all day');
  await phone.getByLabel('Your review').fill('Kept me dry through a full day of rain on the ridge.');
  await phone.locator('input[name="recommend"][value="yes"]').check();
  await shot(phone, 'phone-review-form');
  await phone.getByRole('button', { name: 'Submit review' }).click();
  await phone
    .getByText(/thank you/i)
    .first()
    .waitFor({ timeout: 15_000 });
  await shot(phone, 'phone-review-sent');

  // Review Created on the subscriber's timeline in the SMS dashboard.
  await smsMenu.getByRole('link', { name: 'Subscribers' }).click();
  await sms.getByRole('textbox', { name: 'Search' }).fill('5550188');
  await sms.getByRole('link', { name: PHONE }).click();
  const events = sms.getByRole('region', { name: 'Events' });
  for (let i = 0; i < 60 && !(await events.getByText('Review Created').count()); i++) {
    await sms.waitForTimeout(500);
    await sms.reload();
  }
  await events.getByText('Review Created').first().waitFor();
  await shot(sms, 'sms-subscriber-timeline');

  // The double-wait caution on the SMS side: the fire declared Okendo's Wait, so the editor says so, and
  // warns once a delay is added on top (not saved).
  const messaging = smsMenu.getByRole('button', { name: 'Messaging' });
  if ((await messaging.getAttribute('aria-expanded')) !== 'true') await messaging.click();
  await smsMenu.getByRole('link', { name: 'Automations' }).click();
  await sms.getByRole('link', { name: 'Okendo Review Request' }).first().click();
  await sms.getByText('This trigger already arrives 0 days after fulfillment', { exact: false }).waitFor();
  await sms.getByRole('textbox', { name: 'Delay (minutes)' }).fill('1440');
  const warning = sms.getByRole('alert').filter({ hasText: 'The customer would wait twice' });
  await warning.getByText('the customer gets this text 1 day after fulfillment', { exact: false }).waitFor();
  await shot(sms, 'sms-double-wait-warning');
});
