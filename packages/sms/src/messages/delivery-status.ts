import type { SmsContext } from '../context.js';
import { optOut } from '../subscribers/consent.js';

/**
 * Provider status callbacks arrive late, duplicated and out of order: a status only replaces one of lower
 * rank (pending < sent < final). A callback for a row still in `dispatching` proves the provider took it.
 */
const RANK: Record<string, number> = {
  accepted: 1,
  scheduled: 1,
  queued: 1,
  sending: 1,
  sent: 2,
  delivered: 3,
  read: 3,
  undelivered: 3,
  failed: 3,
  canceled: 3,
};

export async function recordDeliveryStatus(
  ctx: SmsContext,
  input: { outboxId?: string | undefined; sid: string; status: string; errorCode?: string | undefined },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    let q = trx.selectFrom('outbox_messages').selectAll();
    q = input.outboxId ? q.where('id', '=', input.outboxId) : q.where('provider_message_id', '=', input.sid);
    const row = await q.executeTakeFirst();
    if (!row) return;
    if ((RANK[input.status] ?? 0) < (RANK[row.delivery_status ?? ''] ?? 0)) return;
    await trx
      .updateTable('outbox_messages')
      .set({
        delivery_status: input.status,
        provider_message_id: row.provider_message_id ?? input.sid,
        ...(row.status === 'dispatching' ? { status: 'sent' as const, sent_at: now.toISOString() } : {}),
        updated_at: now.toISOString(),
      })
      .where('id', '=', row.id)
      .execute();
    if (input.errorCode === '21610' && row.subscriber_id) {
      const sub = await trx.selectFrom('subscribers').selectAll().where('id', '=', row.subscriber_id).executeTakeFirst();
      if (sub) await optOut(trx, now, sub, 'carrier', 'provider error 21610');
    }
  });
}
