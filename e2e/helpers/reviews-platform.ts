import {
  accountLinkUrl,
  accountsDb,
  loadConfig,
  setupTokenIfNoUser,
  silentLogger,
  systemClock,
  testStorage,
  type RapportConfig,
} from '@rapport/kit';
import { createShop } from '@rapport/sms';
import { orderPayload, webhookRequest } from '@rapport/reviews/dev';
import { startPlatform, type RunningPlatform } from '../../packages/cli/src/platform.js';
import { freePort } from '../../packages/cli/src/ports.js';
import { settleJobs } from '../../packages/cli/src/walkthrough.js';

export interface ReviewsPlatform {
  platform: RunningPlatform;
  /** The reviews service, serving its built dashboard. */
  origin: string;
  /** The owner's one-time setup link, as `rapport start` prints it. */
  setupUrl: string;
  /** A Postscript shop on the SMS platform, with its key pair, for the dashboard to connect to. */
  postscript: { name: string; public_key: string; private_key: string };
  /** Runs both services' due jobs until neither has anything left to do now. */
  settle(): Promise<void>;
  /** Shopify tells the store an order was fulfilled, for a customer who is not an SMS subscriber. */
  orderFulfilled(storeId: string, customer: { email: string; phone: string; firstName: string }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Both services on free ports with their dashboards, as `rapport start` runs them (the reviews platform
 * calls the SMS platform's Postscript API at `smsApiUrl`), on the real clock so the browser keeps the
 * session cookie. Workers do not run in the background: `settle()` runs what is due, so what the
 * dashboard shows afterwards is decided.
 */
export async function startReviewsPlatform(postscriptShopName: string): Promise<ReviewsPlatform> {
  const storage = testStorage();
  const [smsPort, reviewsPort] = [await freePort(), await freePort()];
  const config: RapportConfig = {
    ...loadConfig({}),
    dataDir: storage.dataDir,
    databaseUrl: storage.databaseUrl,
    smsPort,
    reviewsPort,
    smsApiUrl: `http://127.0.0.1:${smsPort}`,
    smsPublicUrl: `http://127.0.0.1:${smsPort}`,
    reviewsPublicUrl: `http://127.0.0.1:${reviewsPort}`,
    dev: true,
  };
  const platform = await startPlatform({
    config,
    storage: {
      dataDir: storage.dataDir,
      ...(storage.databaseUrl ? { databaseUrl: storage.databaseUrl, schemaPrefix: storage.schemaPrefix! } : {}),
    },
    clock: systemClock,
    log: silentLogger,
    workers: false,
  });
  const setup = await setupTokenIfNoUser(accountsDb(platform.reviewsDb.db), systemClock.now());
  if (!setup) throw new Error('a fresh install has a setup link');
  const shop = await createShop(platform.smsDb, systemClock, { name: postscriptShopName, label: 'Okendo' });
  return {
    platform,
    origin: platform.reviewsUrl,
    setupUrl: accountLinkUrl(platform.reviewsUrl, setup.token),
    postscript: { name: postscriptShopName, public_key: shop.public_key, private_key: shop.private_key },
    settle: () => settleJobs(platform),
    async orderFulfilled(storeId, customer) {
      const store = await platform.reviewsDb.db
        .selectFrom('stores')
        .select(['shop_domain', 'webhook_secret'])
        .where('id', '=', storeId)
        .executeTakeFirstOrThrow();
      const payload = orderPayload({
        customer: { email: customer.email, phone: customer.phone, firstName: customer.firstName, lastName: 'Park' },
        lineItems: [{ title: 'Wool Beanie', variantTitle: 'Charcoal' }],
        fulfilled: true,
      });
      const req = webhookRequest({ secret: store.webhook_secret, shopDomain: store.shop_domain, topic: 'orders/fulfilled', payload });
      const res = await fetch(`${platform.reviewsUrl}${req.url}`, { method: 'POST', headers: req.headers, body: req.body });
      if (res.status !== 200) throw new Error(`orders/fulfilled answered ${res.status}: ${await res.text()}`);
      await settleJobs(platform);
    },
    async stop() {
      if (storage.databaseUrl) await Promise.allSettled([platform.smsDb.destroyData(), platform.reviewsDb.destroyData()]);
      await platform.stop();
      await storage.cleanup();
    },
  };
}
