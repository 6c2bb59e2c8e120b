import { accountsDb, createUser, Unprocessable, type Clock } from '@rapport/kit';
import type { ReviewsDatabase } from './db/schema.js';
import { backfillView, startBackfill } from './integrations/postscript/backfill.js';
import { findIntegration, savePostscriptIntegration, type ConnectInput } from './integrations/postscript/settings.js';
import type { BackfillView } from './schemas/postscript.js';
import { insertSequence, type SequenceInput } from './sequences/sequences.js';
import { insertStore, requireStore } from './stores/stores.js';

/**
 * Operator actions the CLI (and tests) run straight against the database, no HTTP and no worker: each
 * takes the database and the clock, opens what transaction it needs and calls the domain modules. Errors
 * are domain errors with a plain message. The SMS platform's `admin.ts` has the same shape.
 */

/**
 * Registers a Shopify store. The returned secret is what Shopify signs this store's webhooks with; the API
 * key (`rk_…`) authenticates the store's admin API and is returned only here (only its hash is kept).
 */
export async function createStore(
  database: ReviewsDatabase,
  clock: Clock,
  input: { name: string; shopDomain: string },
): Promise<{ store_id: string; webhook_secret: string; api_key: string }> {
  const { row, apiKey } = await insertStore(database.db, clock.now(), input);
  return { store_id: row.id, webhook_secret: row.webhook_secret, api_key: apiKey };
}

/** Settings > Integrations > Email & SMS > Postscript > Save: validates the key and saves the integration. */
export async function connectPostscript(
  database: ReviewsDatabase,
  clock: Clock,
  input: ConnectInput,
): Promise<{ connected: true; shop_name: string }> {
  const row = await savePostscriptIntegration(database.db, clock.now(), input);
  return { connected: true, shop_name: row.shop_name };
}

/** "Mail > Sequences > Postscript > Get Started": a Wait of N days after fulfilment or delivery; optionally started. */
export async function createSequence(database: ReviewsDatabase, clock: Clock, input: SequenceInput): Promise<{ sequence_id: string }> {
  const row = await insertSequence(database.db, clock.now(), input);
  return { sequence_id: row.id };
}

/**
 * Starts the profile backfill again, or resumes the one running (connecting starts one by itself). The
 * work is done by a running worker (`rapport start` or `rapport worker`); `profileBackfillProgress` reads it.
 */
export async function startProfileBackfill(database: ReviewsDatabase, clock: Clock, storeId: string): Promise<BackfillView> {
  await requireStore(database.db, storeId);
  if (!(await findIntegration(database.db, storeId)))
    throw new Unprocessable('connect Postscript first: the backfill sends properties to it', ['store'], 'not_connected');
  await database.db.transaction().execute((trx) => startBackfill(trx, clock.now(), storeId));
  return backfillView(database.db, storeId);
}

export function profileBackfillProgress(database: ReviewsDatabase, storeId: string): Promise<BackfillView> {
  return backfillView(database.db, storeId);
}

export { PostscriptConnectError, REJECTED_KEY_MESSAGE } from './integrations/postscript/settings.js';

/**
 * A dashboard user (`rapport reviews create-user`). The install's first user owns every store; a later one
 * sees the store given with `storeId` (more come by invitation).
 */
export async function createUserAccount(
  database: ReviewsDatabase,
  clock: Clock,
  input: { email: string; password: string; storeId?: string | undefined },
): Promise<{ user_id: string }> {
  if (input.storeId) await requireStore(database.db, input.storeId);
  const user = await createUser(accountsDb(database.db), clock.now(), {
    email: input.email,
    password: input.password,
    tenantIds: input.storeId ? [input.storeId] : [],
    emailLoc: ['email'],
    passwordLoc: ['password'],
  });
  return { user_id: user.id };
}
