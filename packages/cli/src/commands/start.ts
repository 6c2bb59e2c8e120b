import { createLogger, type RapportConfig } from '@rapport/kit';
import { startPlatform } from '../platform.js';
import { parseFlags } from '../args.js';
import { clockFor, storageOf } from '../runtime.js';

/**
 * `rapport start`: both services and their workers in this process, until SIGINT/SIGTERM.
 * `--api-only` serves HTTP without workers, for scale-out on PostgreSQL next to `rapport worker` processes.
 */
export async function startCommand(config: RapportConfig, argv: string[]): Promise<void> {
  const f = parseFlags(argv, { 'api-only': { type: 'boolean', default: false } });
  const log = createLogger('rapport');
  const { clock, devClock } = clockFor(config);
  const platform = await startPlatform({
    config,
    storage: storageOf(config),
    clock,
    ...(devClock ? { devClock } : {}),
    log,
    workers: f['api-only'] !== true,
  });
  const where = config.databaseUrl ? `PostgreSQL (${redact(config.databaseUrl)})` : `SQLite in ${config.dataDir}`;
  process.stdout.write(
    [
      'Rapport is running',
      `  SMS platform      ${platform.smsUrl}       API docs ${platform.smsUrl}/docs`,
      `  Reviews platform  ${platform.reviewsUrl}   API docs ${platform.reviewsUrl}/docs`,
      `  Storage           ${where}`,
      `  SMS provider      ${config.smsProvider === 'dev' ? `dev carrier (phone simulator: ${platform.smsUrl}/dev/phone)` : 'Twilio'}`,
      `  Workers           ${f['api-only'] ? 'none in this process (--api-only): run `rapport worker`' : 'running in this process'}`,
      `  Clock             ${devClock ? `dev clock at ${clock.now().toISOString()}${config.dev ? ' (POST /dev/clock/advance)' : ''}` : 'system'}`,
      '',
    ].join('\n'),
  );
  await untilSignal();
  process.stdout.write('Stopping…\n');
  await platform.stop();
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

/** Resolves on the first SIGINT or SIGTERM: the moment to drain and close. */
export function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
