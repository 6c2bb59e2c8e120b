// A worker process of the SMS platform for the drain benchmark: opens the database, builds the service
// (dev carrier, dev clock at noon in New York) and starts its worker on SIGUSR2, so every worker of a run
// starts at the same moment. Prints one JSON line when ready.
import { DevClock, loadConfig, silentLogger } from '@rapport/kit';
import { createSmsService, openSmsDatabase } from '@rapport/sms';
import { NOON_IN_NEW_YORK } from './lib/clock.js';

const databaseUrl = process.env['BENCH_DATABASE_URL'] || undefined;
const dir = process.env['BENCH_DATA_DIR'] as string;
const database = await openSmsDatabase({
  dataDir: dir,
  ...(databaseUrl ? { databaseUrl, schemaPrefix: process.env['BENCH_SCHEMA_PREFIX'] } : {}),
});
const clock = new DevClock(NOON_IN_NEW_YORK);
const service = await createSmsService({ database, clock, log: silentLogger, config: { ...loadConfig({}), dataDir: dir } });
// Nothing else holds the event loop open until the worker starts.
const idle = setInterval(() => undefined, 60_000);
process.on('SIGUSR2', () => {
  clearInterval(idle);
  service.worker.start();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    void service.close().then(() => database.close().then(() => process.exit(0)));
  });
process.stdout.write(`${JSON.stringify({ pid: process.pid })}\n`);
