import { RetryLater, type JobContext } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import { ProviderRejectedError } from '../providers/provider.js';
import { optOut } from '../subscribers/consent.js';
import { beginDispatch, isTerminal, loadOutbox, markFailed, markSent, noteSendError } from './dispatch.js';
import { reconcile } from './reconcile.js';

/**
 * The `sms.send` job: exactly one text per outbox row. Quiet hours hold the job (RetryLater at the window's
 * opening; the row stays `queued`). A provider error leaves the row in `dispatching` and the job retries
 * with backoff — reconciling first, because an error after the request left us says nothing about whether
 * the carrier got it.
 */
export async function runSendJob(ctx: SmsContext, payload: { outboxId: string }, job?: JobContext): Promise<void> {
  const row = await loadOutbox(ctx, payload.outboxId);
  if (!row || isTerminal(row.status)) return;
  if (row.status === 'dispatching' && (await reconcile(ctx, row)) !== 'not_found') return;

  const prepared = await beginDispatch(ctx, row.id);
  switch (prepared.kind) {
    case 'skip':
    case 'suppressed':
      return;
    case 'held':
      throw new RetryLater(prepared.until, 'quiet hours');
    case 'dispatch':
      break;
    default: {
      const never: never = prepared;
      throw new Error(`unexpected dispatch state ${JSON.stringify(never)}`);
    }
  }

  let providerMessageId: string;
  try {
    ({ providerMessageId } = await ctx.provider.send(prepared.message));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ProviderRejectedError) {
      await rejected(ctx, row.id, row.subscriber_id, err);
      return;
    }
    if (job?.lastAttempt) await markFailed(ctx, row.id, message, 'provider_error');
    else await noteSendError(ctx, row.id, message);
    throw err;
  }
  await markSent(ctx, row.id, providerMessageId);
}

async function rejected(ctx: SmsContext, outboxId: string, subscriberId: string | null, err: ProviderRejectedError): Promise<void> {
  if (!err.optOut) {
    await markFailed(ctx, outboxId, err.message, `provider_rejected:${err.code}`);
    return;
  }
  // The carrier says the recipient opted out (e.g. Twilio 21610): our own list must agree.
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    await trx
      .updateTable('outbox_messages')
      .set({ status: 'suppressed', status_reason: 'carrier_opt_out', error: err.message, updated_at: now.toISOString() })
      .where('id', '=', outboxId)
      .execute();
    const sub = subscriberId
      ? await trx.selectFrom('subscribers').selectAll().where('id', '=', subscriberId).executeTakeFirst()
      : undefined;
    if (sub) await optOut(trx, now, sub, 'carrier', `provider error ${err.code}`);
  });
}
