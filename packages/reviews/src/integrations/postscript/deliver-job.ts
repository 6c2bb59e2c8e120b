/**
 * `postscript.deliver`: sends one outbox row to Postscript.
 *
 * - Order: a customer's rows go out in the order they were written. Normally only the oldest pending row
 *   has a job (see outbox.ts) and finishing it enqueues the next; should a younger row's job run first
 *   (a replay, two writers racing), it makes sure the older row has a job and waits (RetryLater, 1 s).
 * - Existing subscribers only: no subscriber for the customer's phone or email → the row is `skipped`
 *   (`not_a_subscriber`) and nothing is sent; subscribers are never created.
 * - The key: the integration's sealed private key is opened only here, for the client. One this process
 *   cannot open (sealed under another RAPPORT_SECRET_KEY) flags the integration as needing attention and
 *   holds the row, as a rejected key does.
 * - Failures: 429 waits for `Retry-After`; 401/403 fails the row for good and flags the integration as
 *   needing attention (later rows are held until the key is fixed); other 4xx fail the row for good
 *   (visible in the delivery log, replayable); 5xx and network errors retry with kit's backoff and fail
 *   the row once the job's attempts are used up.
 */
import { backoffMs, PermanentFailure, RetryLater, toJson, type JobContext } from '@rapport/kit';
import { wireEventName, type CustomEventBody } from '@rapport/contract';
import type { ReviewsContext } from '../../context.js';
import type { PostscriptIntegrationsTable, PostscriptOutboxTable } from '../../db/schema.js';
import { PostscriptApiError, PostscriptClient, type PostscriptResponse } from './client.js';
import { postscriptQueue, type EventPayload, type ProfilePayload, type TriggerPayload } from './outbox.js';
import { openPostscriptKey, PostscriptKeyUnavailableError } from './key-sealing.js';
import { findIntegration, markNeedsAttention } from './settings.js';
import { forgetSubscriber, resolveSubscriber } from './subscribers.js';

/** How long a row waits for an older row of the same customer before looking again. */
export const ORDER_WAIT_MS = 1000;
/** How long rows are held while the integration needs a new key. */
export const NEEDS_ATTENTION_HOLD_MS = 10 * 60_000;

/** `Retry-After` is either seconds or an HTTP date. */
export function retryAfterAt(header: string | null, now: Date): Date | null {
  if (!header) return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return new Date(now.getTime() + Math.ceil(seconds * 1000));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : new Date(Math.max(at, now.getTime()));
}

function send(
  client: PostscriptClient,
  integration: PostscriptIntegrationsTable,
  row: PostscriptOutboxTable,
  subscriberId: string,
): Promise<PostscriptResponse> {
  const payload = JSON.parse(row.payload) as unknown;
  switch (row.kind) {
    case 'event': {
      const e = payload as EventPayload;
      const body: CustomEventBody = {
        type: wireEventName(e.type, integration.event_names),
        subscriber_id: subscriberId,
        occurred_at: e.occurred_at,
        properties: e.properties as CustomEventBody['properties'],
        external_id: e.external_id,
      };
      return client.sendEvent(body);
    }
    case 'trigger':
      return client.fireTrigger(integration.trigger_id, subscriberId, (payload as TriggerPayload).tags, row.external_id);
    case 'profile':
      return client.updateSubscriberProperties(subscriberId, (payload as ProfilePayload).properties);
    default: {
      const never: never = row.kind;
      throw new PermanentFailure(`unknown outbox kind ${String(never)}`);
    }
  }
}

const responseJson = (status: number, body: string): string => toJson({ status, body: body.slice(0, 2000) });

/** `postscript.deliver`. */
export async function deliverToPostscript(ctx: ReviewsContext, payload: { outbox_id: string }, job: JobContext): Promise<void> {
  const { db, clock } = ctx;

  /** Records progress on a row that stays pending (its job retries). */
  async function update(row: PostscriptOutboxTable, set: Partial<PostscriptOutboxTable>): Promise<void> {
    await db
      .updateTable('postscript_outbox')
      .set({ ...set, updated_at: clock.now().toISOString() })
      .where('id', '=', row.id)
      .execute();
  }

  /** Settles a row for good (delivered, skipped, failed) and hands the customer's queue to the next row, atomically. */
  async function finish(
    row: PostscriptOutboxTable,
    set: Partial<PostscriptOutboxTable> & { state: 'delivered' | 'skipped' | 'failed' },
  ): Promise<void> {
    await postscriptQueue.settle(db, clock.now(), row.customer_id, row.id, set);
  }

  /** A transient failure: the job retries with backoff, unless this was its last attempt. */
  async function retryOrFail(row: PostscriptOutboxTable, set: Partial<PostscriptOutboxTable>): Promise<void> {
    if (job.lastAttempt) await finish(row, { ...set, state: 'failed' });
    else await update(row, set);
  }

  const now = job.now;
  const row = await db.selectFrom('postscript_outbox').selectAll().where('id', '=', payload.outbox_id).executeTakeFirst();
  if (!row || row.state !== 'pending') return;

  const older = await postscriptQueue.olderPending(db, row.customer_id, row);
  if (older) {
    await postscriptQueue.enqueueHead(db, now, row.customer_id);
    throw new RetryLater(new Date(now.getTime() + ORDER_WAIT_MS), `waiting for ${older}, an older call for the same customer`);
  }

  const integration = await findIntegration(db, row.store_id);
  if (!integration) {
    await finish(row, { state: 'skipped', skip_reason: 'not_connected', last_error: 'Postscript is not connected for this store' });
    return;
  }
  if (integration.status === 'needs_attention') {
    await update(row, {
      last_error: `held: the Postscript integration needs attention (${integration.status_reason ?? 'key rejected'})`,
    });
    throw new RetryLater(new Date(now.getTime() + NEEDS_ATTENTION_HOLD_MS), 'integration needs attention');
  }

  let privateKey: string;
  try {
    privateKey = await openPostscriptKey(db, now, integration, ctx.secretKey);
  } catch (err) {
    if (!(err instanceof PostscriptKeyUnavailableError)) throw err;
    // Like a rejected key: the merchant saves the key again (or the operator restores the secret); rows wait.
    await markNeedsAttention(db, clock.now(), row.store_id, err.message);
    await update(row, { last_error: `held: ${err.message}` });
    throw new RetryLater(new Date(now.getTime() + NEEDS_ATTENTION_HOLD_MS), 'the saved private key cannot be opened');
  }
  const client = new PostscriptClient({ apiUrl: integration.api_url, privateKey, fetch: ctx.fetch });
  let cached = false;
  try {
    const subscriber = await resolveSubscriber(db, client, row.customer_id);
    if (!subscriber) {
      await finish(row, {
        state: 'skipped',
        skip_reason: 'not_a_subscriber',
        last_error: 'no Postscript subscriber has this customer’s phone or email; Okendo syncs existing subscribers only',
      });
      return;
    }
    cached = subscriber.cached;
    const res = await send(client, integration, row, subscriber.id);
    await finish(row, {
      state: 'delivered',
      attempts: row.attempts + 1,
      last_error: null,
      response: responseJson(res.status, res.body),
      delivered_at: clock.now().toISOString(),
    });
  } catch (err) {
    const at = clock.now();
    const message = err instanceof Error ? err.message : String(err);
    const attempts = row.attempts + 1;
    if (err instanceof PostscriptApiError) {
      const response = responseJson(err.status, err.body);
      if (err.status === 429) {
        await update(row, { attempts, last_error: message, response });
        throw new RetryLater(retryAfterAt(err.retryAfter, at) ?? new Date(at.getTime() + backoffMs(attempts)), 'rate limited (429)');
      }
      if (err.status === 401 || err.status === 403) {
        await markNeedsAttention(db, clock.now(), row.store_id, `Postscript answered ${err.status}: the private key was rejected`);
        await finish(row, { state: 'failed', attempts, last_error: message, response });
        throw new PermanentFailure(message);
      }
      if (err.status === 404 && cached) {
        // The cached subscriber is gone (merged or deleted): look the customer up again right away.
        await forgetSubscriber(db, row.customer_id);
        await update(row, { attempts, last_error: message, response });
        throw new RetryLater(at, 'cached subscriber no longer exists');
      }
      if (err.status >= 400 && err.status < 500) {
        await finish(row, { state: 'failed', attempts, last_error: message, response });
        throw new PermanentFailure(message);
      }
      await retryOrFail(row, { attempts, last_error: message, response });
      throw err;
    }
    await retryOrFail(row, { attempts, last_error: message });
    throw err;
  }
}
