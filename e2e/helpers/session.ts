import { mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import type { DevClock } from '@rapport/kit';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../browser.js';
import { serve, type Served } from './serve.js';

export interface DashboardSession {
  readonly browser: Browser;
  readonly served: Served;
  /** A 1280×800 page. */
  readonly page: Page;
  /** A full-page screenshot into the session's folder. */
  shot(page: Page, name: string): Promise<Buffer>;
}

/**
 * Chromium, one service with its built dashboard, and a desktop page for a test file: started in `before`,
 * stopped in `after` (this registers both), screenshots under `shots`.
 */
export function dashboardSession(
  product: 'sms' | 'reviews',
  options: { clock?: DevClock; worker?: boolean },
  shots: string,
): DashboardSession {
  let browser: Browser | undefined;
  let served: Served | undefined;
  let page: Page | undefined;
  before(async () => {
    browser = await launchChromium();
    served = await serve(product, options);
    mkdirSync(shots, { recursive: true });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  });
  after(async () => {
    await browser?.close();
    await served?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the dashboard session is used before its before() hook ran');
    return value;
  };
  return {
    get browser() {
      return ready(browser);
    },
    get served() {
      return ready(served);
    },
    get page() {
      return ready(page);
    },
    shot: (p, name) => p.screenshot({ path: `${shots}/${name}.png`, fullPage: true }),
  };
}

/** On the phone simulator (`/dev/phone`): open `phone`'s conversation, wait for the opt-in prompt and answer Y. */
export async function confirmOnPhone(phone: Page, smsOrigin: string, number: string): Promise<void> {
  await phone.goto(`${smsOrigin}/dev/phone`);
  await phone.locator('#phone').fill(number);
  await phone.locator('#open').click();
  await phone.getByText('Reply Y to subscribe').waitFor({ timeout: 15_000 });
  await phone.locator('button[data-reply="Y"]').click();
  await phone.getByText("You've subscribed").waitFor({ timeout: 15_000 });
}
