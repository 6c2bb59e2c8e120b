// What the dashboards refuse, in Chromium against the real SMS service: a visit without a session goes to
// the login page and the JSON routes answer 401; a form POST from another site (a page served on another
// port of 127.0.0.1: same-site for cookies, so SameSite alone would let it through) is refused for its
// missing CSRF token and foreign Origin; a teammate of shop A cannot read shop B, even by naming it. Screenshots in
// test-results/dashboard-security/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { serve, type Served } from './helpers/serve.js';
import { ownerWithShop } from './helpers/sms-owner.js';

const SHOTS = 'test-results/dashboard-security';
const OWNER = { email: 'owner@example.com', password: 'correct horse battery' };
const TEAMMATE = { email: 'lee@example.com', password: 'staple battery horse' };

let browser: Browser;
let sms: Served;
/** The other site: one page whose form posts to the SMS dashboard's key route, with no CSP of ours. */
let elsewhere: Server;
let elsewhereOrigin: string;
before(async () => {
  browser = await launchChromium();
  sms = await serve('sms');
  elsewhere = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      `<!doctype html><title>Win a prize</title><form method="post" action="${sms.origin}/api/dashboard/keys" enctype="text/plain">` +
        `<input name="label" value="attacker"><button>Claim</button></form>`,
    );
  });
  await new Promise<void>((done) => elsewhere.listen(0, '127.0.0.1', done));
  const address = elsewhere.address();
  assert.ok(address && typeof address === 'object');
  elsewhereOrigin = `http://127.0.0.1:${address.port}`;
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await sms?.stop();
  await new Promise((done) => elsewhere?.close(done));
});

/** A fetch from inside the page (its cookies, its origin), answering the status. */
const statusFrom = (page: Page, url: string, headers: Record<string, string> = {}) =>
  page.evaluate(async ({ url, headers }) => (await fetch(url, { headers, credentials: 'include' })).status, { url, headers });

test('no session: pages redirect to login, JSON routes answer 401', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${sms.origin}/automations`);
  await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/automations');
  await page.getByRole('button', { name: 'Log in' }).waitFor();
  await page.screenshot({ path: `${SHOTS}/01-login-redirect.png` });
  for (const path of ['/api/dashboard/session', '/api/automations', '/api/outbox', '/api/dashboard/settings', '/api/dashboard/keys']) {
    assert.equal(await statusFrom(page, `${sms.origin}${path}`), 401, path);
  }
  await context.close();
});

test('a cross-site POST without the CSRF token is refused, and a teammate of shop A cannot see shop B', async () => {
  const ownerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const owner = await ownerContext.newPage();
  await ownerWithShop(owner, sms.setupUrl, 'Shop A', OWNER);

  // An invitation to shop A, then a second shop, B, that the teammate is not given.
  await owner.getByRole('button', { name: 'Invite teammate' }).click();
  await owner.getByRole('textbox', { name: 'Email' }).fill(TEAMMATE.email);
  await owner.getByRole('button', { name: 'Create invitation link' }).click();
  const invitationUrl = await owner.getByRole('textbox', { name: 'Invitation link' }).inputValue();
  await owner.getByRole('button', { name: /Switch shop/ }).click();
  await owner.getByRole('menuitem', { name: 'Add a shop' }).click();
  await owner.getByRole('textbox', { name: 'Shop name' }).fill('Shop B');
  await owner.getByRole('button', { name: 'Create shop' }).click();
  await owner.getByRole('heading', { level: 1, name: 'Shop B' }).waitFor();
  const shopB = ((await owner.locator('code').first().textContent()) ?? '').trim();
  assert.match(shopB, /^shop_/);

  // Another site's page, in the owner's browser (so the session cookie goes along), posts a form to the
  // SMS dashboard's key route: no X-CSRF-Token, a foreign Origin → 403, and no key pair is made.
  const attacker = await ownerContext.newPage();
  await attacker.goto(elsewhereOrigin);
  const refused = attacker.waitForResponse((r) => r.url() === `${sms.origin}/api/dashboard/keys` && r.request().method() === 'POST');
  await attacker.getByRole('button', { name: 'Claim' }).click();
  const response = await refused;
  assert.equal(response.status(), 403);
  assert.match(await response.text(), /csrf|origin/i);
  await attacker.screenshot({ path: `${SHOTS}/02-cross-site-refused.png` });
  // The owner's own page still works (the session was not used up), and shows no key pair.
  await owner.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Shop B' }).click();
  await owner.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'API' }).click();
  await owner.getByText('No key pairs yet.', { exact: false }).waitFor();

  // The teammate joins shop A: their switcher lists it alone, and naming shop B gets 403.
  const teammateContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const teammate = await teammateContext.newPage();
  await teammate.goto(invitationUrl);
  await teammate.getByLabel('Password').fill(TEAMMATE.password);
  await teammate.getByRole('button', { name: 'Save' }).click();
  await teammate.getByRole('heading', { level: 1, name: 'Shop A' }).waitFor();
  await teammate.getByRole('button', { name: /Switch shop/ }).click();
  const shops = await teammate.getByRole('menuitem').allTextContents();
  assert.ok(shops.some((s) => s.startsWith('Shop A')));
  assert.ok(!shops.some((s) => s.startsWith('Shop B')), JSON.stringify(shops));
  await teammate.screenshot({ path: `${SHOTS}/03-teammate-shops.png` });
  await teammate.keyboard.press('Escape');
  for (const path of ['/api/subscribers', '/api/outbox', '/api/dashboard/settings']) {
    assert.equal(await statusFrom(teammate, `${sms.origin}${path}`, { 'x-rapport-shop': shopB }), 403, path);
  }
  await ownerContext.close();
  await teammateContext.close();
});
