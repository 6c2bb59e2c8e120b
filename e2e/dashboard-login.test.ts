// Each dashboard's first minutes as its owner lives them, in Debian's Chromium against the real service
// serving its built dashboard: the setup link printed at start → choose email and password → create the
// shop (connect the store) → home shows it → invite a teammate → log out → a wrong password is refused
// beside the field → log in → the teammate opens the invitation and lands in the same shop. The SMS
// dashboard on a desktop window, the reviews dashboard on a 390×844 phone (the menu behind the burger).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { serve } from './helpers/serve.js';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
});
after(async () => browser?.close());

const OWNER = { email: 'owner@example.com', password: 'correct horse battery' };
const TEAMMATE = { email: 'lee@example.com', password: 'staple battery horse' };

async function logOut(page: Page, phone: boolean) {
  if (phone) await page.getByRole('button', { name: 'Open menu' }).click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL(/\/login$/);
}

const products = [
  {
    product: 'sms' as const,
    viewport: { width: 1280, height: 800 },
    title: 'Rapport SMS',
    tenant: 'Acme Outdoor Supply',
    onboard: async (page: Page) => {
      await page.getByRole('textbox', { name: 'Shop name' }).fill('Acme Outdoor Supply');
      await page.getByRole('combobox', { name: 'Time zone' }).fill('new york');
      await page.getByRole('option', { name: /America\/New York/ }).click();
      await page.getByRole('button', { name: 'Create shop' }).click();
    },
    facts: ['America/New_York', 'USD'],
  },
  {
    product: 'reviews' as const,
    viewport: { width: 390, height: 844 },
    title: 'Rapport Reviews',
    tenant: 'Acme Outdoor Supply',
    onboard: async (page: Page) => {
      await page.getByRole('textbox', { name: 'Store name' }).fill('Acme Outdoor Supply');
      await page.getByRole('textbox', { name: 'Shopify shop domain' }).fill('acme-outdoor.myshopify.com');
      await page.getByRole('combobox', { name: 'Currency' }).fill('CAD');
      await page.getByRole('option', { name: /^CAD/ }).click();
      await page.getByRole('button', { name: 'Connect store' }).click();
    },
    facts: ['acme-outdoor.myshopify.com', 'CAD'],
  },
];

for (const p of products) {
  test(`${p.title}: setup link → onboarding → home → invitation → log out and in → the teammate joins`, async () => {
    const served = await serve(p.product);
    const context = await browser.newContext({ viewport: p.viewport });
    const teammateContext = await browser.newContext({ viewport: p.viewport });
    const phone = p.viewport.width < 500;
    try {
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('console', (m) => {
        // Chromium reports a CSP refusal as a console error; the dashboard must need none.
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) pageErrors.push(m.text());
      });

      // Logged out, the dashboard sends a visitor to the login page.
      await page.goto(`${served.origin}/`);
      await page.getByRole('button', { name: 'Log in' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/login');
      assert.equal(await page.title(), p.title);

      // The owner's setup link: a password that is too short is refused beside the field.
      await page.goto(served.setupUrl);
      await page.getByRole('heading', { name: 'Set up your account' }).waitFor();
      await page.getByRole('textbox', { name: 'Email' }).fill(OWNER.email);
      await page.getByLabel('Password').fill('short');
      await page.getByRole('button', { name: 'Save' }).click();
      await page
        .getByText(/at least 10 characters/)
        .last()
        .waitFor();
      await page.getByLabel('Password').fill(OWNER.password);
      await page.getByRole('button', { name: 'Save' }).click();

      // No shop yet: onboarding, then home shows what was created.
      await page.waitForURL(/\/onboarding$/);
      await p.onboard(page);
      await page.getByRole('heading', { level: 1, name: p.tenant }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/');
      for (const fact of p.facts) await page.getByText(fact, { exact: true }).first().waitFor();
      await page.screenshot({ path: `test-results/dashboard-${p.product}-home.png`, fullPage: true });

      // The side menu starts with the tenant's name (behind the burger on a phone).
      if (phone) await page.getByRole('button', { name: 'Open menu' }).click();
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      await menu.getByText(p.tenant, { exact: true }).waitFor();
      if (phone) await page.getByRole('button', { name: 'Close menu' }).click();

      // An invitation link for a teammate.
      await page.getByRole('button', { name: 'Invite teammate' }).click();
      await page.getByRole('textbox', { name: 'Email' }).fill(TEAMMATE.email);
      await page.getByRole('button', { name: 'Create invitation link' }).click();
      await page.getByRole('button', { name: 'Copy link' }).waitFor();
      const invitationUrl = await page.getByRole('textbox', { name: 'Invitation link' }).inputValue();
      assert.match(invitationUrl, new RegExp(`^${served.origin}/setup/`));

      // Log out; a wrong password is refused beside the password field; the right one opens home again.
      await logOut(page, phone);
      await page.getByRole('textbox', { name: 'Email' }).fill(OWNER.email);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByText('Wrong email or password').waitFor();
      // Beside the field: the input is marked invalid and described by the message.
      assert.equal(await page.getByLabel('Password').getAttribute('aria-invalid'), 'true');
      const describedBy = (await page.getByLabel('Password').getAttribute('aria-describedby')) ?? '';
      const descriptions = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()));
      assert.ok(descriptions.includes('Wrong email or password'), `described by ${JSON.stringify(descriptions)}`);
      assert.equal(new URL(page.url()).pathname, '/login');
      await page.getByLabel('Password').fill(OWNER.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { level: 1, name: p.tenant }).waitFor();

      // The teammate, in a browser of their own, joins with the invitation and sees the same shop.
      const teammate = await teammateContext.newPage();
      await teammate.goto(invitationUrl);
      await teammate.getByRole('heading', { name: 'Join your team' }).waitFor();
      assert.equal(await teammate.getByRole('textbox', { name: 'Email' }).inputValue(), TEAMMATE.email);
      await teammate.getByLabel('Password').fill(TEAMMATE.password);
      await teammate.getByRole('button', { name: 'Save' }).click();
      await teammate.getByRole('heading', { level: 1, name: p.tenant }).waitFor();

      // The link works once.
      await teammate.goto(invitationUrl);
      await teammate.getByText(/already been used or has expired/).waitFor();

      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
      await teammateContext.close();
      await served.stop();
    }
  });
}
