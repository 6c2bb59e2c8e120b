import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevClock, silentLogger, type RapportConfig } from '@rapport/kit';
import { orderPayload } from '@rapport/reviews/dev';
import { emit } from '../output.js';
import { startPlatform } from '../platform.js';
import { freePort } from '../ports.js';
import {
  DAY,
  REVIEW_MESSAGE,
  advance,
  api,
  eventsOf,
  reviewUrlIn,
  reviewThroughLink,
  setUpMerchant,
  settleJobs,
  shopify,
  subscribe,
  texts,
  type Stage,
} from '../walkthrough.js';

const phoneLine = (body: string) => `   📱 ${body.replace(/\n/g, '\n      ')}`;

/**
 * `rapport demo`: the seed's main story on a throw-away data directory, narrated. Jobs run
 * synchronously between steps so the story is deterministic; `--keep` then starts the workers and
 * leaves both services up to explore. With --json the narration is left out and one object sums it up.
 */
export async function demoCommand(base: RapportConfig, opts: { keep?: boolean; json?: boolean }): Promise<void> {
  const json = opts.json === true;
  const say = (line = '') => {
    if (!json) process.stdout.write(`${line}\n`);
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-demo-'));
  const keep = opts.keep === true;
  const [smsPort, reviewsPort] = keep ? [base.smsPort, base.reviewsPort] : [await freePort(), await freePort()];
  const config: RapportConfig = {
    ...base,
    dataDir,
    databaseUrl: undefined,
    smsPort,
    reviewsPort,
    smsApiUrl: `http://127.0.0.1:${smsPort}`,
    smsPublicUrl: `http://127.0.0.1:${smsPort}`,
    reviewsPublicUrl: `http://127.0.0.1:${reviewsPort}`,
    dev: true,
    smsProvider: 'dev',
  };
  // 11:00 in New York today: inside waking hours, so the texts are not held for quiet hours.
  const today = new Date();
  const clock = new DevClock(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 16, 0, 0)));
  const platform = await startPlatform({ config, storage: { dataDir }, clock, devClock: clock, log: silentLogger, workers: false });
  const stage: Stage = { platform, clock, settle: () => settleJobs(platform) };
  const started = performance.now();
  try {
    say('Rapport demo — a review request, from a Shopify order to a text, across both platforms');
    say(`  data ${dataDir} (SQLite) · SMS platform ${platform.smsUrl} · reviews platform ${platform.reviewsUrl}`);
    say(`  dev clock starts at ${clock.now().toISOString()}`);
    say();
    const m = await setUpMerchant(stage, { waitDays: 3, after: 'fulfillment' });
    say(`1. SMS platform: shop ${m.shopId}, API key pair created (private key ${m.privateKey.slice(0, 7)}…).`);
    say(`2. Reviews platform: store ${m.shopDomain}; Postscript integration saved with the private key`);
    say('   (checked with GET /api/v2/me; legacy trigger "Okendo Review Request" registered with its tags).');
    say(`3. Legacy automation on trigger "Okendo Review Request", enabled: "${REVIEW_MESSAGE}"`);
    say('4. Review-request sequence: wait 3 days after fulfilment, started.');

    const ava = { phone: '+12125550142', email: 'ava.stone@example.com', firstName: 'Ava' };
    const subscriberId = await subscribe(stage, m, ava);
    const doi = await texts(stage, ava.phone);
    say(`5. Subscriber ${subscriberId} (${ava.phone}) created with POST /api/v2/subscribers.`);
    for (const t of doi) say(phoneLine(t.body));
    say('   (the phone replied "Y" through the dev carrier)');

    const order = orderPayload({
      number: 1042,
      customer: { email: ava.email, phone: ava.phone, firstName: 'Ava', lastName: 'Stone' },
      lineItems: [{ title: 'Linen Shirt', variantTitle: 'Blue / M', sku: 'LIN-BLU-M' }],
      fulfilled: true,
    });
    const unfulfilled = { ...order, fulfillment_status: null, fulfillments: [] };
    const codes = [
      (await shopify(stage, m, 'orders/create', { ...unfulfilled, financial_status: 'pending' })).status,
      (await shopify(stage, m, 'orders/paid', unfulfilled)).status,
      (await shopify(stage, m, 'orders/fulfilled', order)).status,
    ];
    say(`6. Shopify sent signed webhooks orders/create, orders/paid, orders/fulfilled for ${order.name} → ${codes.join(', ')}.`);
    const before = doi.length;
    await advance(stage, 3 * DAY);
    const after = await texts(stage, ava.phone);
    const events = await eventsOf(stage, m, subscriberId);
    say(`   Clock moved 3 days → ${clock.now().toISOString()}. Events on the SMS side: ${events.map((e) => e.type).join(', ')}.`);
    const reviewText = after.slice(before);
    if (reviewText.length !== 1) throw new Error(`expected one review text, got ${reviewText.length}`);
    say(phoneLine(reviewText[0]!.body));

    const url = await reviewUrlIn(reviewText[0]!.body);
    const review = await reviewThroughLink(stage, url, {
      rating: 5,
      title: 'Perfect fit',
      body: 'Lovely soft linen, I wear it every day.',
      recommend: true,
    });
    const reviewCreated = (await eventsOf(stage, m, subscriberId)).find((e) => e.type === 'Review Created');
    say(`7. The review link opened a form (HTTP ${review.formStatus}); a 5-star review was submitted (HTTP ${review.submitStatus}).`);
    say(
      `   Review Created reached the SMS side: ${reviewCreated ? JSON.stringify(reviewCreated.properties).slice(0, 160) + '…' : 'NOT FOUND'}`,
    );

    const noah = { phone: '+12125550199', email: 'noah@example.com' };
    await shopify(
      stage,
      m,
      'orders/fulfilled',
      orderPayload({ number: 1043, customer: { email: noah.email, phone: noah.phone, firstName: 'Noah' }, fulfilled: true }),
    );
    await advance(stage, 3 * DAY);
    const noahTexts = await texts(stage, noah.phone);
    const noahSubs = (await api(stage, m, 'GET', `/api/v2/subscribers?phone_number__eq=${encodeURIComponent(noah.phone)}`)).json.subscribers
      .length;
    say(
      `8. Noah (not a subscriber) ordered too: ${noahTexts.length} texts, ${noahSubs} subscribers created — Okendo syncs only existing subscribers.`,
    );
    say();
    say(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Where to look:`);
    say(`  phone simulator   ${platform.smsUrl}/dev/phone  (enter ${ava.phone})`);
    say(`  review form       ${url}`);
    say(`  API docs          ${platform.smsUrl}/docs   ${platform.reviewsUrl}/docs`);
    if (!reviewCreated) throw new Error('Review Created did not reach the SMS platform');
    if (json)
      emit(
        true,
        {
          demo: 'passed',
          seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
          sms_url: platform.smsUrl,
          reviews_url: platform.reviewsUrl,
          phone_simulator_url: `${platform.smsUrl}/dev/phone`,
          review_url: url,
          keep,
        },
        '',
      );
    if (keep) {
      platform.sms.worker.start();
      platform.reviews.worker.start();
      say('\nStill running (--keep). Ctrl-C to stop.');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
    }
  } finally {
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
