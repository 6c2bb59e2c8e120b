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
import type { DeliveryHealth, IntegrationView, SequenceView } from '@rapport/reviews/schemas';
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
      await page.getByText('Okendo Review Request').waitFor();
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
