import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import {
  accountLinkUrl,
  accountsDb,
  loadConfig,
  setupTokenIfNoUser,
  silentLogger,
  systemClock,
  testStorage,
  type DevClock,
  type HttpApp,
} from '@rapport/kit';
import { createSmsService, openSmsDatabase } from '@rapport/sms';
import { createReviewsService, openReviewsDatabase } from '@rapport/reviews';
import { dashboardDir as smsDashboard } from '@rapport/sms-dashboard/dist-dir';
import { dashboardDir as reviewsDashboard } from '@rapport/reviews-dashboard/dist-dir';

export interface Served {
  origin: string;
  setupUrl: string;
  stop(): Promise<void>;
}

/** One service on a free port with its built dashboard, and the owner's setup link as `rapport start` prints it. */
export async function serve(product: 'sms' | 'reviews', options: { clock?: DevClock; worker?: boolean } = {}): Promise<Served> {
  // A DevClock (running from a chosen instant) lets a test stand at 23:00 in New York; default the real time.
  // `worker` runs the service's jobs (texts go out); without it nothing is sent, as the dashboard tests want.
  const clock = options.clock ?? systemClock;
  const storage = testStorage();
  const where = {
    dataDir: storage.dataDir,
    ...(storage.databaseUrl ? { databaseUrl: storage.databaseUrl, schemaPrefix: storage.schemaPrefix! } : {}),
  };
  // The port is chosen first so the service knows its public URL, which its invitation links are built on.
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const config = {
    ...loadConfig({}),
    dataDir: storage.dataDir,
    dev: true,
    ...(product === 'sms' ? { smsApiUrl: origin, smsPublicUrl: origin } : { reviewsPublicUrl: origin }),
  };
  const opened =
    product === 'sms'
      ? await openSmsDatabase(where).then(async (database) => ({
          database,
          service: await createSmsService({
            database,
            clock,
            ...(options.clock ? { devClock: options.clock } : {}),
            log: silentLogger,
            config,
            dashboardDir: smsDashboard,
          }),
          setup: () => setupTokenIfNoUser(accountsDb(database.db), clock.now()),
        }))
      : await openReviewsDatabase(where).then(async (database) => ({
          database,
          service: await createReviewsService({ database, clock, log: silentLogger, config, dashboardDir: reviewsDashboard }),
          setup: () => setupTokenIfNoUser(accountsDb(database.db), clock.now()),
        }));
  if (options.worker) opened.service.worker.start();
  const app: HttpApp = opened.service.app;
  await app.listen({ host: '127.0.0.1', port });
  const setup = await opened.setup();
  assert.ok(setup, 'a fresh install has a setup link');
  return {
    origin,
    setupUrl: accountLinkUrl(origin, setup.token),
    async stop() {
      await opened.service.close();
      await opened.database.close();
      await storage.cleanup();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
