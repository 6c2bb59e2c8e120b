import { ConfigError, loadConfig } from '@rapport/kit';
import { UsageError } from './output.js';

const HELP = `rapport — SMS marketing + reviews platforms, self-hosted

  rapport start [--api-only]            both services on 127.0.0.1:4100 (SMS) and :4200 (reviews)
  rapport worker                        job workers only (scale-out on PostgreSQL beside --api-only)
  rapport migrate                       create or upgrade both databases
  rapport demo [--keep]                 the review-request loop end to end, in under a minute
  rapport sms create-shop --name N [--label L]
  rapport sms create-automation --shop ID --trigger NAME --message TEXT [--delay-minutes M] [--enable]
  rapport sms messages --shop ID [--to PHONE]
  rapport reviews create-store --name N --shop-domain D
  rapport reviews connect-postscript --store ID --private-key sk_… [--api-url URL]
  rapport reviews create-sequence --store ID --wait-days N --after fulfillment|delivery [--start]

Every command takes --json (one JSON object on stdout). Storage: ./data (RAPPORT_DATA_DIR), or
PostgreSQL when DATABASE_URL is set. See README.md for the environment variables.`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start':
      return (await import('./commands/start.js')).startCommand(config, rest);
    case 'worker':
      return (await import('./commands/worker.js')).workerCommand(config);
    case 'migrate':
      return (await import('./commands/migrate.js')).migrateCommand(config, rest);
    case 'sms':
      return (await import('./commands/sms.js')).smsCommand(config, rest);
    case 'reviews':
      return (await import('./commands/reviews.js')).reviewsCommand(config, rest);
    case 'demo':
      return (await import('./commands/demo.js')).demoCommand(config, rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${HELP}\n`);
      return;
    default:
      throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    const usage = err instanceof UsageError || err instanceof ConfigError;
    process.stderr.write(`rapport: ${err instanceof Error ? err.message : String(err)}\n`);
    if (!usage && process.env['RAPPORT_DEBUG'] && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    process.exit(usage ? 2 : 1);
  },
);
