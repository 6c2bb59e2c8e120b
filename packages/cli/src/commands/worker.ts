import type { RapportConfig } from '@rapport/kit';
import { createReviewsService, openReviewsDatabase } from '@rapport/reviews';
import { createSmsService, openSmsDatabase } from '@rapport/sms';
import { cliLogger } from '../logging.js';
import { emit } from '../output.js';
import { clockFor, storageOf } from '../runtime.js';
import { untilSignal } from './start.js';

/**
 * `rapport worker`: both services' job workers and no HTTP — the scale-out shape on PostgreSQL, next
 * to `rapport start --api-only` processes. Any number may run: claims use FOR UPDATE SKIP LOCKED and
 * short leases, and LISTEN/NOTIFY wakes them when an API process enqueues work. Logs go to stderr.
 */
export async function workerCommand(config: RapportConfig, opts: { json?: boolean }): Promise<void> {
  const log = cliLogger('rapport-worker');
  const { clock, devClock } = clockFor(config);
  const storage = storageOf(config);
  const smsDb = await openSmsDatabase(storage);
  const reviewsDb = await openReviewsDatabase(storage);
  const dev = devClock ? { devClock } : {};
  const sms = await createSmsService({ database: smsDb, clock, log: log.child({ service: 'sms' }), config, ...dev });
  const reviews = await createReviewsService({ database: reviewsDb, clock, log: log.child({ service: 'reviews' }), config, ...dev });
  sms.worker.start();
  reviews.worker.start();
  emit(
    opts.json === true,
    { running: true, workers: ['sms', 'reviews'], storage: config.databaseUrl ? 'postgres' : 'sqlite' },
    `Rapport workers running (${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`}); Ctrl-C to stop.`,
  );
  await untilSignal();
  await Promise.allSettled([sms.close(), reviews.close()]);
  await Promise.allSettled([smsDb.close(), reviewsDb.close()]);
}
