import { accountLinkUrl, accountsDb, redactUrl, setupTokenIfNoUser, type RapportConfig } from '@rapport/kit';
import { SHOPIFY_TOPICS, webhookUrl } from '@rapport/reviews';
import { cliLogger } from '../logging.js';
import { emit } from '../output.js';
import { startPlatform } from '../platform.js';
import { clockFor, storageOf } from '../runtime.js';

/**
 * `rapport start`: both services and their workers in this process, until SIGINT/SIGTERM.
 * `--api-only` serves HTTP without workers, for scale-out on PostgreSQL next to `rapport worker` processes.
 * The banner (or, with --json, one object) goes to stdout; logs go to stderr.
 */
export async function startCommand(config: RapportConfig, opts: { apiOnly?: boolean; json?: boolean }): Promise<void> {
  const apiOnly = opts.apiOnly === true;
  const { clock, devClock } = clockFor(config);
  const platform = await startPlatform({
    config,
    storage: storageOf(config),
    clock,
    ...(devClock ? { devClock } : {}),
    log: cliLogger('rapport'),
    workers: !apiOnly,
  });
  // With no user yet, each product prints a one-time setup link for its owner. A new start prints a new link
  // (and the previous one stops working): only the database's digest of it is kept, so it cannot be shown again.
  const setupUrl = async (db: Parameters<typeof accountsDb>[0], origin: string) => {
    const setup = await setupTokenIfNoUser(accountsDb(db), clock.now());
    return setup ? accountLinkUrl(origin, setup.token) : undefined;
  };
  const smsSetup = await setupUrl(platform.smsDb.db, platform.smsUrl);
  const reviewsSetup = await setupUrl(platform.reviewsDb.db, platform.reviewsUrl);
  const shopifyUrl = webhookUrl(config.reviewsPublicUrl);
  const twilio = config.smsProvider === 'twilio';
  const inboundUrl = `${platform.smsUrl}/webhooks/twilio/inbound`;
  const statusUrl = `${platform.smsUrl}/webhooks/twilio/status`;
  const phoneUrl = `${platform.smsUrl}/dev/phone`;
  const where = config.databaseUrl ? `PostgreSQL (${redactUrl(config.databaseUrl)})` : `SQLite in ${config.dataDir}`;
  const banner = [
    'Rapport is running',
    `  SMS dashboard     ${platform.smsUrl}/       API docs ${platform.smsUrl}/docs`,
    `  Reviews dashboard ${platform.reviewsUrl}/   API docs ${platform.reviewsUrl}/docs`,
    `  Storage           ${where}`,
    `  SMS provider      ${twilio ? 'Twilio' : `dev carrier (phone simulator: ${phoneUrl})`}`,
    `  Workers           ${apiOnly ? 'none in this process (--api-only): run `rapport worker`' : 'running in this process'}`,
    `  Clock             ${devClock ? `dev clock at ${clock.now().toISOString()}${config.dev ? ' (POST /dev/clock/advance)' : ''}` : 'system'}`,
    '',
    'Shopify webhooks (Settings → Notifications → Webhooks, format JSON)',
    `  URL               ${shopifyUrl}`,
    `  Topics            ${SHOPIFY_TOPICS.slice(0, 5).join(', ')},`,
    `                    ${SHOPIFY_TOPICS.slice(5).join(', ')}`,
    ...(twilio
      ? [
          'Twilio (Messaging configuration of the sending number or Messaging Service)',
          `  A message comes in  ${inboundUrl}   (webhook, HTTP POST)`,
          `  Status callback     ${statusUrl}    (TWILIO_STATUS_CALLBACK_URL: sent with each text)`,
        ]
      : []),
    ...(smsSetup || reviewsSetup
      ? [
          '',
          'First-time setup: open each link once to set the owner’s email and password',
          ...(smsSetup ? [`  SMS dashboard     ${smsSetup}`] : []),
          ...(reviewsSetup ? [`  Reviews dashboard ${reviewsSetup}`] : []),
        ]
      : []),
  ].join('\n');
  emit(
    opts.json === true,
    {
      running: true,
      sms_url: platform.smsUrl,
      reviews_url: platform.reviewsUrl,
      storage: config.databaseUrl ? 'postgres' : 'sqlite',
      workers: !apiOnly,
      setup_urls: { sms: smsSetup ?? null, reviews: reviewsSetup ?? null },
      shopify_webhook: { url: shopifyUrl, topics: SHOPIFY_TOPICS },
      ...(twilio ? { twilio: { inbound_url: inboundUrl, status_callback_url: statusUrl } } : { phone_simulator_url: phoneUrl }),
    },
    `${banner}\n`,
  );
  await untilSignal();
  if (opts.json !== true) process.stdout.write('Stopping…\n');
  await platform.stop();
}

/** Resolves on the first SIGINT or SIGTERM: the moment to drain and close. */
export function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
