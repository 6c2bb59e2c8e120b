import type { Clock, Logger } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { ActivityLog } from './activity/record.js';
import type { ReviewsSchema } from './db/schema.js';

/** What the reviews platform's domain functions run with; built once by createReviewsService. */
export interface ReviewsContext {
  db: Kysely<ReviewsSchema>;
  clock: Clock;
  log: Logger;
  /** Where domains record what happened; its sinks (the integrations) are chosen in service.ts. */
  activity: ActivityLog;
  /** Base of every shopper-facing URL (review links, product images), e.g. http://127.0.0.1:4200. */
  publicUrl: string;
  /** Default Postscript API base URL offered when connecting (the local SMS platform). */
  smsApiUrl: string;
  fetch: typeof fetch;
  /** RAPPORT_SECRET_KEY: seals saved Postscript keys (else a key generated into `settings` does). */
  secretKey: string | undefined;
  /** RAPPORT_ADMIN_TOKEN: guards creating and listing stores (unset = those routes answer 403). */
  adminToken: string | undefined;
  /** Ends the worker's idle sleep; call after committing work that is due now. */
  wake(): void;
}
