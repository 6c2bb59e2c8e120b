import type { SmsContext } from '../context.js';
import type { OutboxMessagesTable } from '../db/schema.js';
import { FAILED_DELIVERY_STATUSES } from '../providers/provider.js';
import { markFailed, markSent } from './dispatch.js';

/**
 * A row found in `dispatching` means an earlier attempt may or may not have reached the provider. Ask it:
 * if it has the text, record it as sent (never send twice); if not, put the row back to `queued` so the
 * normal path re-checks consent and quiet hours and sends it.
 */
export async function reconcile(ctx: SmsContext, row: OutboxMessagesTable): Promise<'sent' | 'failed' | 'not_found'> {
  const found = await ctx.provider.lookup(row.id, row.provider_message_id ?? undefined);
  if (!found) {
    await ctx.db
      .updateTable('outbox_messages')
      .set({ status: 'queued', updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', row.id)
      .where('status', '=', 'dispatching')
      .execute();
    ctx.log.info({ outbox: row.id }, 'reconciled: provider never got the message; sending again');
    return 'not_found';
  }
  if (FAILED_DELIVERY_STATUSES.has(found.status)) {
    await markFailed(ctx, row.id, `provider reports ${found.status}`, 'provider_failed', found.providerMessageId);
    return 'failed';
  }
  await markSent(ctx, row.id, found.providerMessageId, found.status);
  ctx.log.info({ outbox: row.id, providerMessageId: found.providerMessageId }, 'reconciled: provider already had the message');
  return 'sent';
}
