import type { Clock, Logger, RapportConfig } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { SmsDatabase, SmsSchema } from './db/schema.js';
import type { SmsProvider } from './providers/provider.js';

/** What the SMS platform's domain functions run with; built once by createSmsService. */
export interface SmsContext {
  database: SmsDatabase;
  db: Kysely<SmsSchema>;
  clock: Clock;
  log: Logger;
  config: RapportConfig;
  provider: SmsProvider;
  /** The number texts go out from (Twilio `from`, or the dev carrier's number); null with a messaging service. */
  senderNumber: string | null;
  /** Ends the worker's idle sleep; call after committing work that is due now. */
  wake(): void;
}

/** The dev carrier's sending number (fictional 555-01xx range). */
export const DEV_SENDER_NUMBER = '+12015550100';
