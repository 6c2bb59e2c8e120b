import { RetryLater, type BatchItem, type Outcome } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import type { OutboxMessagesTable } from '../db/schema.js';
import { ProviderRejectedError, sendAll, type OutgoingText } from '../providers/provider.js';
import { optOut } from '../subscribers/consent.js';
import { beginDispatches, isTerminal, markFailed, markSentMany, noteSendError } from './dispatch.js';
import { reconcile } from './reconcile.js';

/**
 * The `sms.send` job: exactly one text per outbox row, run for every send job a worker round claimed at
 * once — so 100,000 texts coming due are batches of a few statements per text, not 100,000 transactions.
 *
 *   1. rows already settled are done; a row found in `dispatching` (a crash after the provider call) is
 *      reconciled with the provider first, one by one;
 *   2. `beginDispatches` re-checks consent and quiet hours for the batch and commits `dispatching`;
 *   3. the provider gets the batch (`sendAll`);
 *   4. accepted texts are marked sent in one transaction; a rejection settles its row for good (failed, or
 *      suppressed when the carrier reports an opt-out); any other error leaves the row `dispatching` and
 *      its job retries with backoff — reconciling first, because an error after the request left us says
 *      nothing about whether the carrier got it.
 * Quiet hours hold a job (RetryLater at the window's opening; the row stays `queued`).
 */
export async function runSendBatch(ctx: SmsContext, items: BatchItem<{ outboxId: string }>[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = items.map(() => ({ ok: true }));
  const ids = items.map((i) => i.payload.outboxId);
  const rows = new Map(
    (await ctx.db.selectFrom('outbox_messages').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r] as const),
  );
  const toDispatch: string[] = [];
  for (const [i, item] of items.entries()) {
    const row = rows.get(item.payload.outboxId);
    if (!row || isTerminal(row.status)) continue;
    if (row.status === 'dispatching') {
      try {
        if ((await reconcile(ctx, row)) !== 'not_found') continue;
      } catch (error) {
        outcomes[i] = { ok: false, error };
        continue;
      }
    }
    toDispatch.push(row.id);
  }
  const prepared = toDispatch.length > 0 ? await beginDispatches(ctx, toDispatch) : new Map();
  const messages: OutgoingText[] = [];
  for (const [i, item] of items.entries()) {
    const p = prepared.get(item.payload.outboxId);
    if (p?.kind === 'held') outcomes[i] = { ok: false, error: new RetryLater(p.until, 'quiet hours') };
    else if (p?.kind === 'dispatch') messages.push(p.message);
  }

  const results = await sendAll(ctx.provider, messages);
  const sent: { outboxId: string; providerMessageId: string }[] = [];
  const indexOf = new Map(items.map((item, i) => [item.payload.outboxId, i]));
  for (const [k, message] of messages.entries()) {
    const result = results[k] ?? { ok: false, error: new Error('provider returned no result') };
    const i = indexOf.get(message.outboxId) as number;
    if (result.ok) {
      sent.push({ outboxId: message.outboxId, providerMessageId: result.providerMessageId });
      continue;
    }
    const err = result.error;
    if (err instanceof ProviderRejectedError) {
      await rejected(ctx, rows.get(message.outboxId) as OutboxMessagesTable, err);
      continue;
    }
    const text = err instanceof Error ? err.message : String(err);
    if (items[i]?.job.lastAttempt) await markFailed(ctx, message.outboxId, text, 'provider_error');
    else await noteSendError(ctx, message.outboxId, text);
    outcomes[i] = { ok: false, error: err };
  }
  await markSentMany(ctx, sent);
  return outcomes;
}

async function rejected(ctx: SmsContext, row: OutboxMessagesTable, err: ProviderRejectedError): Promise<void> {
  if (!err.optOut) {
    await markFailed(ctx, row.id, err.message, `provider_rejected:${err.code}`);
    return;
  }
  // The carrier says the recipient opted out (e.g. Twilio 21610): our own list must agree.
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    await trx
      .updateTable('outbox_messages')
      .set({ status: 'suppressed', status_reason: 'carrier_opt_out', error: err.message, updated_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
    const sub = row.subscriber_id
      ? await trx.selectFrom('subscribers').selectAll().where('id', '=', row.subscriber_id).executeTakeFirst()
      : undefined;
    if (sub) await optOut(trx, now, sub, 'carrier', `provider error ${err.code}`);
  });
}
