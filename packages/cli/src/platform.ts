import type { Clock, DevClock, Logger, RapportConfig } from '@rapport/kit';
import { createSmsService, openSmsDatabase, type SmsService, type SmsDatabase } from '@rapport/sms';
import { createReviewsService, openReviewsDatabase, type ReviewsService, type ReviewsDatabase } from '@rapport/reviews';
import { dashboardDir as reviewsDashboardDir } from '@rapport/reviews-dashboard/dist-dir';
import { dashboardDir as smsDashboardDir } from '@rapport/sms-dashboard/dist-dir';
import type { Storage } from './runtime.js';

export interface RunningPlatform {
  sms: SmsService;
  reviews: ReviewsService;
  smsDb: SmsDatabase;
  reviewsDb: ReviewsDatabase;
  smsUrl: string;
  reviewsUrl: string;
  stop(): Promise<void>;
}

/**
 * Both services (HTTP + workers) in one process: what `rapport start`, the demo and the end-to-end
 * tests run. They still meet only over HTTP — the reviews platform calls the SMS platform's
 * Postscript API at `config.smsApiUrl`, exactly as it would call real Postscript.
 */
export async function startPlatform(args: {
  config: RapportConfig;
  storage: Storage;
  clock: Clock;
  devClock?: DevClock;
  log: Logger;
  /** Run the background workers (tests may prefer to drive `worker.runDue()` themselves). */
  workers?: boolean;
}): Promise<RunningPlatform> {
  const { config, storage, clock, devClock, log } = args;
  const smsDb = await openSmsDatabase(storage);
  const reviewsDb = await openReviewsDatabase(storage);
  const sms = await createSmsService({
    database: smsDb,
    clock,
    log: log.child({ service: 'sms' }),
    config,
    ...(devClock ? { devClock } : {}),
    dashboardDir: smsDashboardDir,
  });
  const reviews = await createReviewsService({
    database: reviewsDb,
    clock,
    log: log.child({ service: 'reviews' }),
    config,
    ...(devClock ? { devClock } : {}),
    dashboardDir: reviewsDashboardDir,
  });
  await sms.app.listen({ host: config.host, port: config.smsPort });
  await reviews.app.listen({ host: config.host, port: config.reviewsPort });
  if (args.workers !== false) {
    sms.worker.start();
    reviews.worker.start();
  }
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return {
    sms,
    reviews,
    smsDb,
    reviewsDb,
    smsUrl: `http://${host}:${config.smsPort}`,
    reviewsUrl: `http://${host}:${config.reviewsPort}`,
    async stop() {
      await Promise.allSettled([reviews.close(), sms.close()]);
      await Promise.allSettled([reviewsDb.close(), smsDb.close()]);
    },
  };
}
