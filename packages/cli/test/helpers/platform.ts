import { DevClock, loadConfig, silentLogger, testStorage, type RapportConfig } from '@rapport/kit';
import { startPlatform } from '../../src/platform.js';
import { freePort } from '../../src/ports.js';
import { settleJobs, type Stage } from '../../src/walkthrough.js';

export * from '../../src/walkthrough.js';

/** 11:00 in New York: inside waking hours, so only the scenario's own waits decide when texts go. */
export const START = new Date('2026-03-10T15:00:00Z');

export interface Harness extends Stage {
  clock: DevClock;
  config: RapportConfig;
  stop(): Promise<void>;
}

/**
 * Both services on free ports, real HTTP between them, on a frozen clock. Workers are driven by
 * `settle()` (deterministic), or also run in the background with `workers: true` (browser tests).
 */
export async function startHarness(options: { workers?: boolean } = {}): Promise<Harness> {
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
  const clock = new DevClock(START, { frozen: true });
  const platform = await startPlatform({
    config,
    storage: {
      dataDir: storage.dataDir,
      ...(storage.databaseUrl ? { databaseUrl: storage.databaseUrl, schemaPrefix: storage.schemaPrefix! } : {}),
    },
    clock,
    devClock: clock,
    log: silentLogger,
    workers: options.workers ?? false,
  });
  return {
    platform,
    clock,
    config,
    settle: () => settleJobs(platform),
    async stop() {
      if (storage.databaseUrl) await Promise.allSettled([platform.smsDb.destroyData(), platform.reviewsDb.destroyData()]);
      await platform.stop();
      await storage.cleanup();
    },
  };
}

let personCounter = 100;

/** A shopper with a fresh phone number and email (unique within the test process). */
export function person(firstName: string): { phone: string; email: string; firstName: string } {
  const n = personCounter++;
  return { phone: `+1212555${String(n).padStart(4, '0')}`, email: `${firstName.toLowerCase()}${n}@example.com`, firstName };
}
