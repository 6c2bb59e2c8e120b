/**
 * Settings > Integrations > Email & SMS > Postscript: the merchant pastes the shop's private key (and,
 * for a self-hosted SMS platform, its API base URL). Saving checks the key with `GET /api/v2/me`, then
 * registers the legacy "Okendo Review Request" trigger with its merge tags ("Okendo will connect to
 * Postscript and set up your Automation Trigger"). Nothing is stored unless both succeed; the key itself is
 * stored only sealed (see key-sealing.ts), with a masked hint for display.
 */
import { Unprocessable } from '@rapport/kit';
import { OKENDO_REVIEW_REQUEST_TRIGGER, type EventNameStyle } from '@rapport/contract';
import type { PostscriptIntegrationsTable, ReviewsSchema } from '../../db/schema.js';
import { requireStore } from '../../stores/stores.js';
import { PostscriptApiError, PostscriptClient, PostscriptUnreachableError } from './client.js';
import { startBackfill } from './backfill.js';
import { sealPostscriptKey } from './key-sealing.js';
import type { IntegrationView } from '../../schemas/postscript.js';
import type { Kysely } from 'kysely';

export const REJECTED_KEY_MESSAGE = 'Postscript rejected this private key — copy the Private Key (sk_…), not the Public Key';

export type ConnectFailure = 'missing_key' | 'public_key' | 'rejected_key' | 'invalid_url' | 'unreachable' | 'unexpected_response';

/** Why a connection attempt was refused, with the setting at fault (`private_key` or `api_url`): a 422 naming the field. */
export class PostscriptConnectError extends Unprocessable {
  constructor(
    readonly reason: ConnectFailure,
    readonly field: 'private_key' | 'api_url',
    message: string,
  ) {
    super(message, ['body', field], reason);
  }
}

export interface ConnectInput {
  storeId: string;
  privateKey: string;
  apiUrl: string;
  fetch?: typeof fetch;
  /**
   * RAPPORT_SECRET_KEY, to seal the key under; without it the key is sealed with a key generated once into
   * the `settings` table (readable by any process with the database, with or without a secret).
   */
  secretKey?: string | undefined;
  /** How event types are named on the wire; default: the seed's against Rapport, Postscript-safe elsewhere. */
  eventNames?: EventNameStyle | undefined;
}

function checkApiUrl(raw: string): string {
  const trimmed = raw.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new PostscriptConnectError(
      'invalid_url',
      'api_url',
      `api_url must be an http(s) URL such as https://api.postscript.io, got "${raw}"`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PostscriptConnectError(
      'invalid_url',
      'api_url',
      `api_url must be an http(s) URL such as https://api.postscript.io, got "${raw}"`,
    );
  }
  return trimmed;
}

function explain(err: unknown, apiUrl: string, step: string): PostscriptConnectError {
  if (err instanceof PostscriptUnreachableError) {
    return new PostscriptConnectError(
      'unreachable',
      'api_url',
      `${err.message}. Check the API URL (${apiUrl}) and that the service is running.`,
    );
  }
  if (err instanceof PostscriptApiError && (err.status === 401 || err.status === 403)) {
    return new PostscriptConnectError('rejected_key', 'private_key', REJECTED_KEY_MESSAGE);
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new PostscriptConnectError(
    'unexpected_response',
    'api_url',
    `Postscript at ${apiUrl} gave an unexpected answer while ${step}: ${detail}`,
  );
}

/** Validates and saves the integration; throws `PostscriptConnectError` (or a 404 for an unknown store). */
export async function savePostscriptIntegration(
  db: Kysely<ReviewsSchema>,
  now: Date,
  input: ConnectInput,
): Promise<PostscriptIntegrationsTable> {
  await requireStore(db, input.storeId);
  const key = input.privateKey.trim();
  if (key === '')
    throw new PostscriptConnectError(
      'missing_key',
      'private_key',
      'private_key is required: paste the Private Key (sk_…) from Postscript > API',
    );
  // A public key can never authenticate API calls, so it is refused without asking Postscript.
  if (key.startsWith('pk_')) throw new PostscriptConnectError('public_key', 'private_key', REJECTED_KEY_MESSAGE);
  const apiUrl = checkApiUrl(input.apiUrl);
  const client = new PostscriptClient({ apiUrl, privateKey: key, ...(input.fetch ? { fetch: input.fetch } : {}) });

  let me;
  let rapport: boolean;
  try {
    ({ shop: me, rapport } = await client.whoAmI());
  } catch (err) {
    throw explain(err, apiUrl, 'checking the key with GET /api/v2/me');
  }

  const existing = await db.selectFrom('postscript_integrations').selectAll().where('store_id', '=', input.storeId).executeTakeFirst();
  let triggerId: string;
  if (existing && existing.api_url === apiUrl && existing.shop_id === me.resource_id) {
    // Saved again for the same Postscript shop: the trigger is already registered there.
    triggerId = existing.trigger_id;
  } else {
    try {
      triggerId = await client.createTrigger(
        OKENDO_REVIEW_REQUEST_TRIGGER.name,
        OKENDO_REVIEW_REQUEST_TRIGGER.tags.map((t) => t.key),
      );
    } catch (err) {
      throw explain(err, apiUrl, 'registering the "Okendo Review Request" trigger with POST /v1/triggers');
    }
  }

  const at = now.toISOString();
  const sealed = await sealPostscriptKey(db, now, key, input.secretKey);
  const row: PostscriptIntegrationsTable = {
    store_id: input.storeId,
    ...sealed,
    api_url: apiUrl,
    shop_id: me.resource_id,
    shop_name: me.resource_name,
    trigger_id: triggerId,
    // Real Postscript allows only [A-Za-z0-9_] in event types; Rapport keeps the seed's names (conventions).
    event_names: input.eventNames ?? (rapport ? 'seed' : 'postscript_safe'),
    status: 'connected',
    status_reason: null,
    connected_at: existing?.connected_at ?? at,
    updated_at: at,
  };
  // Saved with the backfill that sends every existing customer's properties (or resumes the one running).
  await db.transaction().execute(async (trx) => {
    await saveRow(trx, row, at);
    await startBackfill(trx, now, input.storeId);
  });
  return row;
}

async function saveRow(db: Kysely<ReviewsSchema>, row: PostscriptIntegrationsTable, at: string): Promise<void> {
  await db
    .insertInto('postscript_integrations')
    .values(row)
    .onConflict((oc) =>
      oc.column('store_id').doUpdateSet({
        private_key_sealed: row.private_key_sealed,
        sealing_key_id: row.sealing_key_id,
        private_key_hint: row.private_key_hint,
        api_url: row.api_url,
        shop_id: row.shop_id,
        shop_name: row.shop_name,
        trigger_id: row.trigger_id,
        event_names: row.event_names,
        status: row.status,
        status_reason: null,
        updated_at: at,
      }),
    )
    .execute();
}

export async function findIntegration(db: Kysely<ReviewsSchema>, storeId: string): Promise<PostscriptIntegrationsTable | undefined> {
  return db.selectFrom('postscript_integrations').selectAll().where('store_id', '=', storeId).executeTakeFirst();
}

/** Disconnects: the sealed key is forgotten; calls still queued are skipped as `not_connected` (replayable after reconnecting). */
export async function disconnectPostscript(db: Kysely<ReviewsSchema>, storeId: string): Promise<boolean> {
  await requireStore(db, storeId);
  const r = await db.deleteFrom('postscript_integrations').where('store_id', '=', storeId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Called by delivery on 401/403: the key was revoked or rotated, so the merchant must paste a new one. */
export async function markNeedsAttention(db: Kysely<ReviewsSchema>, now: Date, storeId: string, reason: string): Promise<void> {
  await db
    .updateTable('postscript_integrations')
    .set({ status: 'needs_attention', status_reason: reason, updated_at: now.toISOString() })
    .where('store_id', '=', storeId)
    .execute();
}

export function integrationView(row: PostscriptIntegrationsTable | undefined, defaultApiUrl: string): IntegrationView {
  if (!row) return { connected: false, api_url: defaultApiUrl };
  return {
    connected: true,
    status: row.status,
    status_reason: row.status_reason,
    private_key: row.private_key_hint,
    api_url: row.api_url,
    shop_id: row.shop_id,
    shop_name: row.shop_name,
    trigger_id: row.trigger_id,
    event_names: row.event_names,
    connected_at: row.connected_at,
    updated_at: row.updated_at,
  };
}
