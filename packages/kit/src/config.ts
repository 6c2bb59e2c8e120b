/**
 * Everything Rapport reads from the environment, read once at start-up (never ad hoc deeper in).
 */
export interface RapportConfig {
  dataDir: string;
  databaseUrl: string | undefined;
  /** Prefix of the two PostgreSQL schemas (`<prefix>sms`, `<prefix>reviews`): several installs can share a database. */
  schemaPrefix: string | undefined;
  host: string;
  smsPort: number;
  reviewsPort: number;
  /** Base URL the reviews platform uses to call the SMS platform's Postscript API by default. */
  smsApiUrl: string;
  /** Base URL shoppers reach the storefront on (review links in texts point here). */
  reviewsPublicUrl: string;
  /** Base URL recipients reach the SMS platform on: the short links in marketing texts (`/l/{code}`). */
  smsPublicUrl: string;
  /** Enables /dev routes: the dev clock, the dev carrier's inbound endpoint and phone simulator. */
  dev: boolean;
  /** Start instant for the clock (RAPPORT_NOW); undefined = the system clock. */
  now: Date | undefined;
  smsProvider: 'dev' | 'twilio';
  twilio: { accountSid?: string; authToken?: string; from?: string; messagingServiceSid?: string; statusCallbackUrl?: string };
  /** Key used to encrypt private API keys at rest so "Show" can reveal them. */
  secretKey: string | undefined;
  /** RAPPORT_ADMIN_TOKEN: Bearer token for the install-wide reviews admin routes (create / list stores); unset = those answer 403. */
  adminToken: string | undefined;
}

export class ConfigError extends Error {}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a port number, got "${raw}"`);
  return n;
}

/** Only PostgreSQL is supported besides the embedded SQLite: a URL of another scheme is a configuration mistake. */
function checkDatabaseUrl(raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`DATABASE_URL must be a PostgreSQL URL such as postgres://user@127.0.0.1:5432/rapport, got "${redactUrl(raw)}"`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(
      `DATABASE_URL must be a postgres:// (or postgresql://) URL, got "${redactUrl(raw)}"; unset it to use SQLite in RAPPORT_DATA_DIR`,
    );
  }
}

/** A connection string with its password masked, for messages and banners. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RapportConfig {
  const host = env['HOST'] || '127.0.0.1';
  const smsPort = port(env, 'SMS_PORT', 4100);
  const reviewsPort = port(env, 'REVIEWS_PORT', 4200);
  let now: Date | undefined;
  if (env['RAPPORT_NOW']) {
    now = new Date(env['RAPPORT_NOW']);
    if (Number.isNaN(now.getTime())) throw new ConfigError(`RAPPORT_NOW must be an ISO instant, got "${env['RAPPORT_NOW']}"`);
  }
  const provider = env['SMS_PROVIDER'] || 'dev';
  if (provider !== 'dev' && provider !== 'twilio') throw new ConfigError(`SMS_PROVIDER must be "dev" or "twilio", got "${provider}"`);
  const localHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl !== undefined) checkDatabaseUrl(databaseUrl);
  return {
    dataDir: env['RAPPORT_DATA_DIR'] || './data',
    databaseUrl,
    schemaPrefix: env['RAPPORT_PG_SCHEMA_PREFIX'] || undefined,
    host,
    smsPort,
    reviewsPort,
    smsApiUrl: env['SMS_API_URL'] || `http://${localHost}:${smsPort}`,
    reviewsPublicUrl: env['REVIEWS_PUBLIC_URL'] || `http://${localHost}:${reviewsPort}`,
    smsPublicUrl: env['SMS_PUBLIC_URL'] || `http://${localHost}:${smsPort}`,
    dev: env['RAPPORT_DEV'] === '1' || env['RAPPORT_DEV'] === 'true',
    now,
    smsProvider: provider,
    twilio: {
      accountSid: env['TWILIO_ACCOUNT_SID'],
      authToken: env['TWILIO_AUTH_TOKEN'],
      from: env['TWILIO_FROM'],
      messagingServiceSid: env['TWILIO_MESSAGING_SERVICE_SID'],
      statusCallbackUrl: env['TWILIO_STATUS_CALLBACK_URL'],
    },
    secretKey: env['RAPPORT_SECRET_KEY'],
    adminToken: env['RAPPORT_ADMIN_TOKEN'] || undefined,
  };
}
