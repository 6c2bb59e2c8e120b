// The seed's story as a person sees it, in Debian's Chromium: the phone simulator receives the double
// opt-in and the phone answers Y with a tap; after the wait the review text arrives; its link opens
// the review form, which the shopper fills in and submits.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { orderPayload } from '@rapport/reviews/dev';
import {
  DAY,
  advance,
  api,
  eventsOf,
  reviewUrlIn,
  setUpMerchant,
  shopify,
  startHarness,
  texts,
  type Harness,
} from '../packages/cli/test/helpers/platform.js';
import { launchChromium } from './browser.js';

let h: Harness;
let browser: Browser;
before(async () => {
  h = await startHarness({ workers: true });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await h?.stop();
});

test('phone simulator → double opt-in by tapping Y → review text → review form submitted', async () => {
  const m = await setUpMerchant(h, { waitDays: 2, after: 'fulfillment' });
  const phone = '+12125550161';
  const created = await api(h, m, 'POST', '/api/v2/subscribers', { phone_number: phone, email: 'lena@example.com', first_name: 'Lena' });
  assert.ok(created.status < 300, JSON.stringify(created.json));
  const subscriberId: string = created.json.id;

  const page = await browser.newPage();
  await page.goto(`${h.platform.smsUrl}/dev/phone`);
  await page.locator('#phone').fill(phone);
  await page.locator('#open').click();
  await page.getByText('Reply Y to subscribe').waitFor({ timeout: 10_000 });
  await page.locator('button[data-reply="Y"]').click();
  await page.getByText("You've subscribed").waitFor({ timeout: 10_000 });

  const order = orderPayload({
    customer: { email: 'lena@example.com', phone, firstName: 'Lena', lastName: 'Park' },
    lineItems: [{ title: 'Wool Beanie', variantTitle: 'Charcoal' }],
    fulfilled: true,
  });
  assert.equal((await shopify(h, m, 'orders/fulfilled', order)).status, 200);
  await advance(h, 2 * DAY);
  await page.getByText('Thanks Lena! Tell us what you think').waitFor({ timeout: 10_000 });
  const text = (await texts(h, phone)).at(-1)!.body;
  const url = await reviewUrlIn(text);

  await page.goto(url);
  await page.getByText('Wool Beanie').first().waitFor();
  await page.getByLabel('5 stars').check();
  await page.getByLabel('Review title').fill('Warm and soft');
  await page.getByLabel('Your review').fill('Keeps me warm on the coldest mornings. Love it.');
  await page.locator('input[name="recommend"][value="yes"]').check();
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/review-form.png', fullPage: true });
  await page.getByRole('button', { name: 'Submit review' }).click();
  await page
    .getByText(/thank you/i)
    .first()
    .waitFor({ timeout: 10_000 });
  await page.screenshot({ path: 'test-results/review-thanks.png', fullPage: true });

  await h.settle();
  const reviewCreated = (await eventsOf(h, m, subscriberId)).find((e) => e.type === 'Review Created');
  assert.ok(reviewCreated, 'Review Created reached the SMS platform');
  assert.equal(reviewCreated.properties['Rating'], 5);
  assert.equal(reviewCreated.properties['Product Name'], 'Wool Beanie');
});
