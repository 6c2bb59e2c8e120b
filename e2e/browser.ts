import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core; never a downloaded browser. The background-networking
 * flags matter here: without them Chromium tries to reach Google at start-up and this machine's
 * closed network refuses it many times over.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
