import { createLogger, type RapportConfig } from '@rapport/kit';
import { startPlatform } from '../platform.js';
import { clockFor, storageOf } from '../runtime.js';

/** `rapport start`: both services and their workers in this process, until SIGINT/SIGTERM. */
export async function startCommand(config: RapportConfig): Promise<void> {
  const log = createLogger('rapport');
  const { clock, devClock } = clockFor(config);
  const platform = await startPlatform({ config, storage: storageOf(config), clock, ...(devClock ? { devClock } : {}), log });
  const where = config.databaseUrl ? `PostgreSQL (${redact(config.databaseUrl)})` : `SQLite in ${config.dataDir}`;
  process.stdout.write(
    [
      'Rapport is running',
      `  SMS platform      ${platform.smsUrl}       API docs ${platform.smsUrl}/docs`,
      `  Reviews platform  ${platform.reviewsUrl}   API docs ${platform.reviewsUrl}/docs`,
      `  Storage           ${where}`,
      `  SMS provider      ${config.smsProvider === 'dev' ? `dev carrier (phone simulator: ${platform.smsUrl}/dev/phone)` : 'Twilio'}`,
      `  Clock             ${devClock ? `dev clock at ${clock.now().toISOString()}${config.dev ? ' (POST /dev/clock/advance)' : ''}` : 'system'}`,
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('Stopping…\n');
  await platform.stop();
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
