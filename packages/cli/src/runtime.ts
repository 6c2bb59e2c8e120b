import { DevClock, systemClock, type Clock, type Logger, type RapportConfig } from '@rapport/kit';
import { openSmsDatabase, type SmsDatabase } from '@rapport/sms';
import { openReviewsDatabase, type ReviewsDatabase } from '@rapport/reviews';

/** Storage location shared by the server and every CLI command: a data dir, or PostgreSQL. */
export interface Storage {
  dataDir: string;
  databaseUrl?: string;
  schemaPrefix?: string;
}

export function storageOf(config: RapportConfig): Storage {
  if (!config.databaseUrl) return { dataDir: config.dataDir };
  return {
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    ...(config.schemaPrefix ? { schemaPrefix: config.schemaPrefix } : {}),
  };
}

/**
 * The clock for this process. `RAPPORT_NOW` starts it at an instant (time then flows on from there);
 * `RAPPORT_DEV=1` makes it movable through `/dev/clock/advance`. Otherwise it is the system clock.
 */
export function clockFor(config: RapportConfig): { clock: Clock; devClock?: DevClock } {
  if (config.now || config.dev) {
    const devClock = new DevClock(config.now ?? new Date());
    return { clock: devClock, devClock };
  }
  return { clock: systemClock };
}

export async function withSms<T>(storage: Storage, fn: (db: SmsDatabase) => Promise<T>): Promise<T> {
  const db = await openSmsDatabase(storage);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export async function withReviews<T>(storage: Storage, fn: (db: ReviewsDatabase) => Promise<T>): Promise<T> {
  const db = await openReviewsDatabase(storage);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export type { Logger };
