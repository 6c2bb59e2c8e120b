import type { NewKeyPair } from '@rapport/sms/schemas';
import type { Page } from 'playwright-core';

/** The owner's setup link, then onboarding in New York: the dashboard opens on the new shop's home. */
export async function ownerWithShop(page: Page, setupUrl: string, shop: string, owner: { email: string; password: string }): Promise<void> {
  await page.goto(setupUrl);
  await page.getByRole('textbox', { name: 'Email' }).fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/onboarding$/);
  await page.getByRole('textbox', { name: 'Shop name' }).fill(shop);
  await page.getByRole('combobox', { name: 'Time zone' }).fill('new york');
  await page.getByRole('option', { name: /America\/New York/ }).click();
  await page.getByRole('button', { name: 'Create shop' }).click();
  await page.getByRole('heading', { level: 1, name: shop }).waitFor();
}

/** The shop name in the side menu → API → Create Security Key Pair → Yes → a label: the new private key. */
export async function createKeyPair(page: Page, shop: string, label: string): Promise<string> {
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await menu.getByRole('button', { name: shop }).click();
  await menu.getByRole('link', { name: 'API' }).click();
  await page.getByRole('button', { name: 'Create Security Key Pair' }).click();
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/dashboard/keys' && r.request().method() === 'POST');
  await page.getByRole('dialog', { name: 'Create Security Key Pair' }).getByRole('button', { name: 'Yes' }).click();
  const key = ((await (await answer).json()) as NewKeyPair).private_key;
  const labelDialog = page.getByRole('dialog', { name: 'Label your key pair' });
  await labelDialog.getByRole('textbox', { name: 'Label' }).fill(label);
  await labelDialog.getByRole('button', { name: 'Save label' }).click();
  await labelDialog.waitFor({ state: 'detached' });
  return key;
}

/** A POST to the SMS platform's API with the shop's private key, as Okendo (or a script) makes it. */
export function apiPost(origin: string, key: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
