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
