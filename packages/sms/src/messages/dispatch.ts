import { fromJson } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import type { OutboxMessagesTable } from '../db/schema.js';
import { quietHoursDecision } from '../compliance/quiet-hours.js';
import { consentBlock, sendPolicy } from '../compliance/send-policy.js';
import { withOptOutNotice } from '../compliance/texts.js';
import { countSmsParts } from './sms-parts.js';

/**
 * The steps of sending one outbox message, each its own short transaction so that the provider call sits
 * between two commits:
 *
 *   queued ──beginDispatch (re-check consent, quiet hours; commit)──▶ dispatching ──provider.send──▶ markSent ──▶ sent
 *
 * A worker that dies after `provider.send` leaves the row in `dispatching`; the retry calls `reconcile`, which
 * asks the provider whether the text went out before anything is sent again.
 */

export type Prepared =
  | { kind: 'dispatch'; message: { outboxId: string; to: string; from?: string; body: string } }
  | { kind: 'suppressed'; reason: string }
  | { kind: 'held'; until: Date }
  | { kind: 'skip' };

export async function loadOutbox(ctx: SmsContext, id: string): Promise<OutboxMessagesTable | undefined> {
  return ctx.db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export const isTerminal = (status: string): boolean => status === 'sent' || status === 'failed' || status === 'suppressed';

/** Re-checks, immediately before dispatch, that this text may go now; if so moves it to `dispatching` (committed). */
export async function beginDispatch(ctx: SmsContext, outboxId: string): Promise<Prepared> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const at = now.toISOString();
    const row = await trx.selectFrom('outbox_messages').selectAll().where('id', '=', outboxId).executeTakeFirst();
    if (!row || row.status !== 'queued') return { kind: 'skip' };
    const subscriber = row.subscriber_id
      ? await trx.selectFrom('subscribers').selectAll().where('id', '=', row.subscriber_id).executeTakeFirst()
      : undefined;

    const blocked = consentBlock(row.purpose, subscriber?.status ?? null);
    if (blocked) {
      await trx
        .updateTable('outbox_messages')
        .set({ status: 'suppressed', status_reason: blocked, held_until: null, updated_at: at })
        .where('id', '=', row.id)
        .execute();
      return { kind: 'suppressed', reason: blocked };
    }

    const policy = sendPolicy(row.purpose);
    if (policy.quietHours) {
      const shop = await trx.selectFrom('shops').select('timezone').where('id', '=', row.shop_id).executeTakeFirstOrThrow();
      const zones = fromJson<string[]>(subscriber?.time_zones, []);
      const decision = quietHoursDecision({
        instant: now,
        timeZones: zones.length > 0 ? zones : [shop.timezone],
        region: subscriber?.region ?? null,
      });
      if (!decision.allowed) {
        await trx
          .updateTable('outbox_messages')
          .set({ held_until: decision.opensAt.toISOString(), updated_at: at })
          .where('id', '=', row.id)
          .execute();
        return { kind: 'held', until: decision.opensAt };
      }
    }

    let body = row.body;
    if (policy.marketing && subscriber && !subscriber.opt_out_notice_at) {
      // The first marketing text a subscriber gets must say how to stop them.
      body = withOptOutNotice(body);
      await trx.updateTable('subscribers').set({ opt_out_notice_at: at }).where('id', '=', subscriber.id).execute();
    }
    const { parts: segments, encoding } = countSmsParts(body);
    await trx
      .updateTable('outbox_messages')
      .set({
        status: 'dispatching',
        body,
        segments,
        encoding,
        from_phone: ctx.senderNumber,
        provider: ctx.provider.name,
        held_until: null,
        dispatch_attempts: row.dispatch_attempts + 1,
        dispatched_at: at,
        updated_at: at,
      })
      .where('id', '=', row.id)
      .where('status', '=', 'queued')
      .execute();
    const message = { outboxId: row.id, to: row.to_phone, body, ...(ctx.senderNumber ? { from: ctx.senderNumber } : {}) };
    return { kind: 'dispatch', message };
  });
}

export async function markSent(
  ctx: SmsContext,
  outboxId: string,
  providerMessageId: string,
  deliveryStatus: string | null = null,
): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db
    .updateTable('outbox_messages')
    .set({
      status: 'sent',
      provider_message_id: providerMessageId,
      delivery_status: deliveryStatus,
      sent_at: at,
      error: null,
      updated_at: at,
    })
    .where('id', '=', outboxId)
    .where('status', '=', 'dispatching')
    .execute();
}

export async function markFailed(
  ctx: SmsContext,
  outboxId: string,
  error: string,
  reason: string,
  providerMessageId: string | null = null,
): Promise<void> {
  await ctx.db
    .updateTable('outbox_messages')
    .set({
      status: 'failed',
      status_reason: reason,
      error: error.slice(0, 2000),
      updated_at: ctx.clock.now().toISOString(),
      ...(providerMessageId ? { provider_message_id: providerMessageId } : {}),
    })
    .where('id', '=', outboxId)
    .where('status', 'in', ['queued', 'dispatching'])
    .execute();
}

/** Records a transient send error on the row (it stays `dispatching`: the outcome is unknown until reconciled). */
export async function noteSendError(ctx: SmsContext, outboxId: string, error: string): Promise<void> {
  await ctx.db
    .updateTable('outbox_messages')
    .set({ error: error.slice(0, 2000), updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', outboxId)
    .execute();
}
