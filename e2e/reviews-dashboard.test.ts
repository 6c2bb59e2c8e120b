// The reviews dashboard's Postscript screens as the seed walks them, in Debian's Chromium against the real
// reviews service and a real SMS platform to connect to: Settings (bottom of the menu) → Integrations →
// Email & SMS → the pencil of Postscript → a wrong key and the public key are refused beside the field →
// the private key connects, and the tile shows the Postscript shop and its sync health; Mail → Sequences
// → Postscript → Get Started → the Wait component's side panel → Start. An order then fills the sync log,
// whose skipped call is replayed; the sequence is stopped. Last, a 390×844 phone reaches the integration
// through the burger menu, and disconnects it. Screenshots of each step go to test-results/reviews-dashboard/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import type { DeliveryHealth, IntegrationView, SequenceView, ShopifyConnectionView, StoreStatsView } from '@rapport/reviews/schemas';
import { connectPostscript } from '@rapport/reviews';
import { orderPayload, webhookRequest, type OrderInput } from '@rapport/reviews/dev';
import { systemClock } from '@rapport/kit';
import { REJECTED_KEY_MESSAGE } from '../packages/reviews/src/integrations/postscript/settings.js';
import { launchChromium } from './browser.js';
import { startReviewsPlatform, type ReviewsPlatform } from './helpers/reviews-platform.js';

const SHOTS = 'test-results/reviews-dashboard';
const OWNER = { email: 'owner@example.com', password: 'correct horse battery' };
const STORE = 'Acme Outdoor Supply';
const POSTSCRIPT_SHOP = 'Acme Outdoor SMS';

let browser: Browser;
let served: ReviewsPlatform;
/** Set by the desktop pass: the store the owner connected in onboarding. */
let storeId = '';

before(async () => {
  served = await startReviewsPlatform(POSTSCRIPT_SHOP);
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await served?.stop();
});

/** Page errors and CSP refusals (Chromium logs those as console errors): the dashboard must cause none. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

/**
 * A screenshot with transitions finished (a drawer or a menu group still opening would be caught half-way);
 * the whole page, except while a dialog is open, whose fixed overlay covers only the window.
 */
const shot = (page: Page, name: string, { dialog = false } = {}) =>
  page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: !dialog, animations: 'disabled' });

/** What a store route answers, asked with the page's own session cookie. */
async function storeGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${served.origin}/api/stores/${storeId}${path}`);
  assert.equal(res.status(), 200, await res.text());
  return (await res.json()) as T;
}

/** A count of the tile's sync health, by its label. */
function healthCount(tile: Locator, label: string): Promise<string | null> {
  return tile
    .locator('dt', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]')
    .textContent();
}

/** Follows a menu link inside its group, opening the group first unless it already is (a click would close it). */
async function openFromMenu(menu: Locator, group: string, link: string): Promise<void> {
  const target = menu.getByRole('link', { name: link });
  if (!(await target.isVisible())) await menu.getByRole('button', { name: group }).click();
  await target.click();
}

/** The texts an input is described by (its error message among them). */
async function descriptionsOf(page: Page, input: Locator): Promise<string[]> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  return Promise.all(ids.map(async (id) => (await page.locator(`[id="${id}"]`).textContent()) ?? ''));
}

describe('reviews dashboard: Postscript integration and sequence', () => {
  test('desktop: connect Postscript in Settings → Integrations, then build and start a sequence in Mail → Sequences', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);

      // The owner's setup link, then the store (onboarding), as on a fresh install.
      await page.goto(served.setupUrl);
      await page.getByRole('textbox', { name: 'Email' }).fill(OWNER.email);
      await page.getByLabel('Password').fill(OWNER.password);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/onboarding$/);
      await page.getByRole('textbox', { name: 'Store name' }).fill(STORE);
      await page.getByRole('textbox', { name: 'Shopify shop domain' }).fill('acme-outdoor.myshopify.com');
      await page.getByRole('button', { name: 'Connect store' }).click();
      await page.getByRole('heading', { level: 1, name: STORE }).waitFor();
      const session = (await (await page.request.get(`${served.origin}/api/dashboard/session`)).json()) as { stores: { id: string }[] };
      storeId = session.stores[0]!.id;

      // "Select Settings in the bottom-left corner": Settings is pinned below the other entries.
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      const settings = menu.getByRole('button', { name: 'Settings' });
      const mail = menu.getByRole('button', { name: 'Mail' });
      assert.ok((await settings.boundingBox())!.y > (await mail.boundingBox())!.y + 200, 'Settings sits at the bottom of the menu');
      await openFromMenu(menu, 'Settings', 'Integrations');
      await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/settings/integrations');

      // "Locate Postscript in the Email & SMS section and select the pencil icon."
      const emailSms = page.getByRole('region', { name: 'Email & SMS' });
      const tile = emailSms.getByRole('article', { name: 'Postscript' });
      await tile.getByText('Not connected', { exact: true }).waitFor();
      await shot(page, '01-integrations-not-connected');
      await tile.getByRole('button', { name: 'Edit Postscript' }).click();
      const panel = page.getByRole('dialog', { name: 'Postscript' });
      const key = panel.getByLabel('Private API Key');
      await key.waitFor();

      // A key Postscript does not know is refused beside the field, with the API's message.
      await key.fill('sk_wrong');
      await panel.getByRole('button', { name: 'Save' }).click();
      await panel.getByText(REJECTED_KEY_MESSAGE).waitFor();
      assert.equal(await key.getAttribute('aria-invalid'), 'true');
      assert.ok((await descriptionsOf(page, key)).includes(REJECTED_KEY_MESSAGE));
      await shot(page, '02-wrong-key-refused', { dialog: true });

      // So is the public key of the pair (pk_…): it names the pair but cannot call the API.
      await key.fill(served.postscript.public_key);
      assert.equal(await panel.getByText(REJECTED_KEY_MESSAGE).count(), 0, 'editing the field clears its message');
      await panel.getByRole('button', { name: 'Save' }).click();
      await panel.getByText(REJECTED_KEY_MESSAGE).waitFor();
      assert.ok((await descriptionsOf(page, key)).includes(REJECTED_KEY_MESSAGE));
      await shot(page, '03-public-key-refused', { dialog: true });

      // "Copy your Private API Key in the space provided. Select Save."
      await key.fill(served.postscript.private_key);
      await panel.getByRole('button', { name: 'Save' }).click();
      await panel.waitFor({ state: 'hidden' });
      await tile.getByText('Connected', { exact: true }).waitFor();
      await tile.getByText(POSTSCRIPT_SHOP, { exact: true }).waitFor();
      await tile.getByText(`sk_…${served.postscript.private_key.slice(-4)}`).waitFor();
      for (const label of ['Delivered', 'Failed', 'Pending', 'Skipped']) assert.equal(await healthCount(tile, label), '0', label);
      await tile.getByText('Skipped because the customer is not a subscriber: 0').waitFor();
      // Connecting started the backfill of existing customers' Okendo properties (none yet).
      await tile.getByText('Profile sync of existing customers').waitFor();
      await served.settle(); // the worker's turn: the tile, polling while it runs, shows it done
      await tile.getByText(/^Done: 0 of 0 customers · 0 synced/).waitFor();
      await tile.getByRole('button', { name: 'Sync all profiles again' }).waitFor();
      const connected = await storeGet<IntegrationView>(page, '/integrations/postscript');
      assert.equal(connected.connected, true);
      assert.equal(connected.shop_name, POSTSCRIPT_SHOP);
      assert.deepEqual(await storeGet<DeliveryHealth>(page, '/integrations/postscript/health'), {
        delivered: 0,
        failed: 0,
        pending: 0,
        skipped: 0,
        skipped_not_subscriber: 0,
      });
      await shot(page, '04-postscript-connected');

      // "Select Mail in the side menu …, then select Sequences."
      await openFromMenu(menu, 'Mail', 'Sequences');
      await page.getByRole('heading', { level: 1, name: 'Sequences' }).waitFor();
      await page.getByText('No sequences yet.', { exact: false }).waitFor();
      await shot(page, '05-sequences-empty');

      // "Scroll down to the integration section and select Postscript. Then, select Get Started."
      const integrations = page.getByRole('region', { name: 'Integrations' });
      await integrations.getByRole('article', { name: 'Postscript' }).getByRole('button', { name: 'Get Started' }).click();
      await page.waitForURL(/\/mail\/sequences\/[^/]+$/);
      const sequenceId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
      const wait = page.getByRole('button', { name: 'Wait', exact: true });
      await page.getByText('Order fulfilled or delivered').waitFor();
      await page.getByText('Okendo Review Request', { exact: true }).waitFor();
      await page.getByText(/wait twice as long/).waitFor();
      assert.match((await wait.textContent()) ?? '', /Wait 3 days after fulfillment/);
      await shot(page, '06-sequence-draft');

      // "Select the Wait component, then define your wait criteria in the side panel."
      await wait.click();
      const side = page.getByRole('dialog', { name: 'Wait' });
      await side.getByRole('textbox', { name: 'Days' }).fill('0');
      await side.getByRole('radio', { name: 'Delivery' }).check();
      await side.getByText('Wait 0 days after delivery').waitFor();
      await side.getByRole('radio', { name: 'Fulfillment' }).check();
      await side.getByText('Wait 0 days after fulfillment').waitFor();
      await shot(page, '07-wait-side-panel', { dialog: true });
      await side.getByRole('button', { name: 'Save' }).click();
      await side.waitFor({ state: 'hidden' });
      assert.match((await wait.textContent()) ?? '', /Wait 0 days after fulfillment/);

      // "Save your changes, then select the Start button in the top-left corner of the page."
      const start = page.getByRole('button', { name: 'Start', exact: true });
      const title = page.getByRole('heading', { level: 1 });
      const [startBox, titleBox] = [(await start.boundingBox())!, (await title.boundingBox())!];
      assert.ok(startBox.x < titleBox.x, 'Start is left of the title');
      await start.click();
      await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
      await page.getByText('Running', { exact: true }).waitFor();
      const { sequences } = await storeGet<{ sequences: SequenceView[] }>(page, '/sequences');
      assert.deepEqual(
        sequences.map((s) => ({ id: s.sequence_id, status: s.status, wait_days: s.wait_days, after: s.after })),
        [{ id: sequenceId, status: 'running', wait_days: 0, after: 'fulfillment' }],
      );
      await shot(page, '08-sequence-running');

      // An order is fulfilled for a customer who never subscribed to texts: the review request goes to
      // Postscript at once (Wait 0 days), which skips it; the sync log says why and offers Replay.
      await served.orderFulfilled(storeId, { email: 'lena@example.com', phone: '+12125550161', firstName: 'Lena' });
      await openFromMenu(menu, 'Settings', 'Integrations');
      const log = page.getByRole('table', { name: 'Postscript calls' });
      await log.getByText('Skipped: the customer is not an SMS subscriber').first().waitFor();
      const skippedHealth = await storeGet<DeliveryHealth>(page, '/integrations/postscript/health');
      assert.ok(
        skippedHealth.skipped_not_subscriber > 0 && skippedHealth.skipped === skippedHealth.skipped_not_subscriber,
        JSON.stringify(skippedHealth),
      );
      await tile.getByText(`Skipped because the customer is not a subscriber: ${skippedHealth.skipped_not_subscriber}`).waitFor();
      await shot(page, '09-sync-log-skipped');

      // Replay puts the call back in the customer's queue; the state filter finds it among the pending.
      // The row is held by its place: once replayed it has no Replay button to be found by.
      const rows = log.getByRole('row');
      let index = 1;
      while ((await rows.nth(index).getByRole('button', { name: 'Replay' }).count()) === 0) index++;
      const row = rows.nth(index);
      await row.getByRole('button', { name: 'Replay' }).click();
      await row.getByText('Pending', { exact: true }).waitFor();
      await row.getByText('(replayed 1×)', { exact: false }).waitFor();
      await page.getByRole('combobox', { name: 'State' }).click();
      await page.getByRole('option', { name: 'Pending' }).click();
      await page.getByRole('table', { name: 'Postscript calls' }).getByRole('row').nth(1).getByText('Pending', { exact: true }).waitFor();
      assert.equal(await log.getByRole('row').count(), 2, 'one pending call and the header row');
      await shot(page, '10-sync-log-replayed');

      // Stopping asks first, since it withdraws the requests already scheduled.
      await page.goto(`${served.origin}/mail/sequences/${encodeURIComponent(sequenceId)}`);
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      const confirm = page.getByRole('dialog', { name: 'Stop this sequence?' });
      await confirm.getByText(/withdrawn/).waitFor();
      await shot(page, '11-stop-confirmation', { dialog: true });
      await confirm.getByRole('button', { name: 'Stop sequence' }).click();
      await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
      assert.equal((await storeGet<SequenceView>(page, `/sequences/${sequenceId}`)).status, 'stopped');

      // The list shows it with its wait and status.
      await openFromMenu(menu, 'Mail', 'Sequences');
      const list = page.getByRole('table', { name: 'Your sequences' });
      await list.getByText('Wait 0 days after fulfillment').waitFor();
      await list.getByText('Stopped', { exact: true }).waitFor();
      await shot(page, '12-sequences-list');

      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('phone (390×844): the burger menu reaches Settings → Integrations; Disconnect asks first', async () => {
    assert.ok(storeId, 'the desktop pass set up the store');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${served.origin}/login`);
      await page.getByRole('textbox', { name: 'Email' }).fill(OWNER.email);
      await page.getByLabel('Password').fill(OWNER.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { level: 1, name: STORE }).waitFor();

      await page.getByRole('button', { name: 'Open menu' }).click();
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      await menu.getByRole('button', { name: 'Settings' }).click();
      await menu.getByRole('link', { name: 'Integrations' }).waitFor();
      await shot(page, '20-phone-menu');
      await menu.getByRole('link', { name: 'Integrations' }).click();
      await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
      await page.getByRole('button', { name: 'Open menu' }).waitFor();
      const tile = page.getByRole('region', { name: 'Email & SMS' }).getByRole('article', { name: 'Postscript' });
      await tile.getByText(POSTSCRIPT_SHOP, { exact: true }).waitFor();
      // Nothing overflows the phone's width but the log's table, which scrolls inside its card.
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the page is ${width}px wide`);
      await shot(page, '21-phone-integrations');

      await tile.getByRole('button', { name: 'Edit Postscript' }).click();
      await page.getByRole('dialog', { name: 'Postscript' }).getByLabel('Private API Key').waitFor();
      await shot(page, '22-phone-edit-postscript', { dialog: true });
      await page.getByRole('dialog', { name: 'Postscript' }).getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('button', { name: 'Open menu' }).click();
      await openFromMenu(menu, 'Mail', 'Sequences');
      await page.getByRole('table', { name: 'Your sequences' }).getByRole('link').first().click();
      await page.getByRole('button', { name: 'Wait', exact: true }).click();
      await page.getByRole('dialog', { name: 'Wait' }).getByRole('textbox', { name: 'Days' }).waitFor();
      await shot(page, '23-phone-wait-side-panel', { dialog: true });
      await page.getByRole('dialog', { name: 'Wait' }).getByRole('button', { name: 'Cancel' }).click();

      // Disconnect asks first; then the tile says so and the key is gone.
      await page.getByRole('button', { name: 'Open menu' }).click();
      await openFromMenu(menu, 'Settings', 'Integrations');
      await tile.getByRole('button', { name: 'Disconnect' }).click();
      const confirm = page.getByRole('dialog', { name: 'Disconnect Postscript?' });
      await confirm.getByText(POSTSCRIPT_SHOP, { exact: false }).waitFor();
      await shot(page, '24-phone-disconnect-confirmation', { dialog: true });
      await confirm.getByRole('button', { name: 'Disconnect' }).click();
      await tile.getByText('Not connected', { exact: true }).waitFor();
      assert.equal((await storeGet<IntegrationView>(page, '/integrations/postscript')).connected, false);

      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

/** Shopify tells the store about an order (signed as Shopify signs it). */
async function shopifySends(topic: string, order: OrderInput): Promise<void> {
  const store = await served.platform.reviewsDb.db
    .selectFrom('stores')
    .select(['shop_domain', 'webhook_secret'])
    .where('id', '=', storeId)
    .executeTakeFirstOrThrow();
  const req = webhookRequest({ secret: store.webhook_secret, shopDomain: store.shop_domain, topic, payload: orderPayload(order) });
  const res = await fetch(`${served.origin}${req.url}`, { method: 'POST', headers: req.headers, body: req.body });
  assert.equal(res.status, 200, await res.text());
}

/** Every control on the page has an accessible name: the ARIA snapshot lists none without one. */
async function assertNamedControls(page: Page): Promise<void> {
  const snapshot = await page.locator('body').ariaSnapshot();
  const unnamed = snapshot
    .split('\n')
    .filter((line) => /^\s*- (button|link|textbox|combobox|checkbox|radio|switch|searchbox)\s*(\[.*\])?:?\s*$/.test(line));
  assert.deepEqual(unnamed, [], `controls without a name:\n${snapshot}`);
}

async function logIn(page: Page): Promise<void> {
  await page.goto(`${served.origin}/login`);
  await page.getByRole('textbox', { name: 'Email' }).fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: STORE }).waitFor();
}

describe('reviews dashboard: Reviews, Orders, Customers, the Shopify connection and the home charts', () => {
  before(async () => {
    assert.ok(storeId, 'the first suite set up the store');
    // The phone pass disconnected Postscript; connect it again, as the merchant would, so calls are made.
    await connectPostscript(served.platform.reviewsDb, systemClock, {
      storeId,
      privateKey: served.postscript.private_key,
      apiUrl: served.platform.smsUrl,
    });
    // Lena (not an SMS subscriber) reviews the beanie her review request asked about; then Omar's order is
    // placed but not paid, and Priya's is fulfilled after the sequence was stopped.
    const request = await served.platform.reviewsDb.db
      .selectFrom('review_requests')
      .innerJoin('review_request_products', 'review_request_products.review_request_id', 'review_requests.id')
      .select(['review_requests.token', 'review_request_products.shopify_product_id'])
      .where('review_requests.store_id', '=', storeId)
      .executeTakeFirstOrThrow();
    const form = new URLSearchParams({
      product_id: request.shopify_product_id,
      rating: '5',
      title: 'Warmest hat I own',
      body: 'I love it: soft, warm and a perfect fit.',
      recommend: 'yes',
    });
    const res = await fetch(`${served.origin}/r/${request.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    assert.equal(res.status, 200, await res.text());
    await shopifySends('orders/create', {
      number: 3101,
      financialStatus: 'pending',
      customer: { email: 'omar@example.com', firstName: 'Omar', lastName: 'Haddad' },
      lineItems: [{ title: 'Trail Mug' }],
    });
    await shopifySends('orders/fulfilled', {
      number: 3102,
      fulfilled: true,
      customer: { email: 'priya@example.com', firstName: 'Priya', lastName: 'Shah' },
      lineItems: [{ title: 'Camp Stool' }],
    });
    await served.settle();
  });

  test('desktop: each screen from the side menu, with its filters and pages', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await logIn(page);
      const menu = page.getByRole('navigation', { name: 'Main menu' });

      // Home: the two charts over the last 30 days, beside what the page already showed.
      const reviewsChart = page.getByRole('region', { name: 'Reviews per day by sentiment' });
      const syncChart = page.getByRole('region', { name: 'Sync calls per day by status' });
      await reviewsChart.locator('.recharts-surface').waitFor();
      await syncChart.locator('.recharts-surface').waitFor();
      await page.getByRole('region', { name: 'Store' }).getByText('Shopify domain').waitFor();
      const stats = await storeGet<StoreStatsView>(page, '/stats?days=30');
      assert.deepEqual(
        stats.reviews.map((r) => ({ key: r.key, count: r.count })),
        [{ key: 'positive', count: 1 }],
      );
      assert.ok(stats.sync_calls.length > 0);
      const today = reviewsChart
        .getByRole('table', { name: 'Reviews per day by sentiment' })
        .getByRole('row', { name: new RegExp(`^${stats.to}`) });
      assert.match((await today.textContent()) ?? '', new RegExp(`^${stats.to}1000$`), 'positive 1, mixed, neutral, negative 0');
      await assertNamedControls(page);
      await page.mouse.move(0, 0); // no chart tooltip left open under the pointer of the login click
      await shot(page, '30-home-charts');

      // Reviews: rating, sentiment label, product, reviewer, date; filtered by sentiment; a review's page shows its order.
      await menu.getByRole('link', { name: 'Reviews' }).click();
      await page.getByRole('heading', { level: 1, name: 'Reviews' }).waitFor();
      const reviews = page.getByRole('table', { name: 'Reviews' });
      const lena = reviews.getByRole('row', { name: /Warmest hat I own/ });
      await lena.getByRole('img', { name: '5 out of 5 stars' }).waitFor();
      await lena.getByText('Positive', { exact: true }).waitFor();
      await lena.getByText('Wool Beanie').waitFor();
      await lena.getByRole('link', { name: /^Lena/ }).waitFor();
      await assertNamedControls(page);
      await shot(page, '31-reviews');
      await page.getByRole('combobox', { name: 'Sentiment' }).click();
      await page.getByRole('option', { name: 'Negative' }).click();
      await page.getByText('No review matches these filters.').waitFor();
      await page.getByRole('combobox', { name: 'Sentiment' }).click();
      await page.getByRole('option', { name: 'Positive' }).click();
      await page.getByRole('combobox', { name: 'Rating' }).click();
      await page.getByRole('option', { name: '5 stars' }).click();
      await reviews.getByRole('link', { name: 'Warmest hat I own' }).click();
      await page.getByRole('heading', { level: 1, name: 'Warmest hat I own' }).waitFor();
      const reviewOrder = page.getByRole('region', { name: 'Order' });
      const lenaOrder = await reviewOrder.getByRole('link').textContent();
      assert.match(lenaOrder ?? '', /^#\d+$/);
      await reviewOrder.getByText(/^Fulfilled /).waitFor();
      await assertNamedControls(page);
      await shot(page, '32-review-page');

      // Orders: each with its review request, or why it has none.
      await menu.getByRole('link', { name: 'Orders' }).click();
      await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
      const orders = page.getByRole('table', { name: 'Orders' });
      const row = (name: string) => orders.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
      await row('#3101').getByText('Not recruited', { exact: true }).waitFor();
      await row('#3101').getByText('not paid', { exact: true }).waitFor();
      await row('#3102').getByText('no sequence running', { exact: true }).waitFor();
      await row(lenaOrder!).getByText('Reviewed', { exact: true }).waitFor();
      await assertNamedControls(page);
      await shot(page, '33-orders');
      await page.getByRole('combobox', { name: 'Review request' }).click();
      await page.getByRole('option', { name: 'Not recruited' }).click();
      await orders.getByRole('row').nth(2).waitFor();
      assert.equal(await orders.getByRole('row').count(), 3, 'two orders not recruited and the header row');
      await orders.getByRole('link', { name: '#3101' }).click();
      await page.getByRole('heading', { level: 1, name: 'Order #3101' }).waitFor();
      await page.getByRole('region', { name: 'Review request' }).getByText('not paid', { exact: true }).waitFor();
      await page.getByRole('table', { name: 'Items' }).getByText('Trail Mug').waitFor();
      await shot(page, '34-order-page');

      // Customers: search, then the profile with reviews, timeline and the properties as last synced.
      await menu.getByRole('link', { name: 'Customers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
      await page.getByRole('textbox', { name: 'Search customers' }).fill('lena');
      const customers = page.getByRole('table', { name: 'Customers' });
      await customers.getByRole('row').nth(1).getByText('lena@example.com').waitFor();
      assert.equal(await customers.getByRole('row').count(), 2);
      await assertNamedControls(page);
      await shot(page, '35-customers');
      await customers.getByRole('link', { name: 'Lena Park' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lena Park' }).waitFor();
      const synced = page.getByRole('region', { name: 'Profile properties as last synced to Postscript' });
      await synced.getByText(/skipped, the customer is not an SMS subscriber/).waitFor();
      await page.getByRole('table', { name: 'Their reviews' }).getByText('Wool Beanie').waitFor();
      await page.getByRole('region', { name: 'Timeline' }).getByText('Review created').waitFor();
      await page.getByRole('region', { name: 'Timeline' }).getByText('Review request sent').waitFor();
      await assertNamedControls(page);
      await shot(page, '36-customer-profile');

      // Settings → Integrations → Shopify: the URL to paste, copied with one click, and the topics.
      await openFromMenu(menu, 'Settings', 'Integrations');
      const shopify = page.getByRole('region', { name: 'Shopify' });
      const connection = await storeGet<ShopifyConnectionView>(page, '/shopify');
      assert.equal(connection.webhook_url, `${served.origin}/webhooks/shopify`);
      assert.equal(await shopify.getByRole('textbox', { name: 'Webhook URL' }).inputValue(), connection.webhook_url);
      const topics = shopify.getByRole('list', { name: /Topics to subscribe/ });
      assert.deepEqual(
        (await topics.getByRole('listitem').allTextContents()).map((t) => t.trim()),
        connection.topics,
      );
      await shopify.getByRole('button', { name: 'Copy webhook URL' }).click();
      await shopify.getByText('Copied', { exact: true }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), connection.webhook_url);
      await assertNamedControls(page);
      await shot(page, '37-shopify-connection');

      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('phone (390×844): Reviews, Orders, Customers and the home charts fit the width', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await logIn(page);
      await page.getByRole('region', { name: 'Reviews per day by sentiment' }).locator('.recharts-surface').waitFor();
      const fits = async (what: string) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `${what}: the page is ${width}px wide`);
      };
      await fits('home');
      await page.mouse.move(0, 0);
      await shot(page, '40-phone-home');
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      const screens: { link: string; ready: () => Locator; shotName: string }[] = [
        { link: 'Reviews', ready: () => page.getByRole('table', { name: 'Reviews' }), shotName: '41-phone-reviews' },
        { link: 'Orders', ready: () => page.getByRole('table', { name: 'Orders' }), shotName: '42-phone-orders' },
        { link: 'Customers', ready: () => page.getByRole('table', { name: 'Customers' }), shotName: '43-phone-customers' },
      ];
      for (const s of screens) {
        await page.getByRole('button', { name: 'Open menu' }).click();
        await menu.getByRole('link', { name: s.link }).click();
        await s.ready().waitFor();
        await fits(s.link);
        await shot(page, s.shotName);
      }
      await page.getByRole('table', { name: 'Customers' }).getByRole('link', { name: 'Lena Park' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lena Park' }).waitFor();
      await fits('a customer profile');
      await shot(page, '44-phone-customer-profile');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
