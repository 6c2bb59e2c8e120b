import type { SmsContext } from '../context.js';
import { startAutomations } from '../automations/start.js';

/** Events one transaction processes: large enough to amortise the commit, small enough not to hold SQLite's one writer long. */
export const PROCESS_BATCH = 500;

/**
 * `events.process` for one shop: its unprocessed events (those of a known subscriber; ingest stores the
 * others processed), oldest first, in batches. Each event goes to `automations/start` — the same entry point
 * as a trigger fire — and the batch is marked processed in the same transaction, so a retried or crashed
 * job never starts anything twice. The job is coalesced (one per shop): events committed while it runs
 * make it run once more.
 */
export async function processEvents(ctx: SmsContext, payload: { shopId: string }): Promise<void> {
  for (;;) {
    const { count, dueNow } = await ctx.db.transaction().execute(async (trx) => {
      const now = ctx.clock.now();
      const events = await trx
        .selectFrom('events')
        .selectAll()
        .where('shop_id', '=', payload.shopId)
        .where('processed_at', 'is', null)
        .orderBy('id')
        .limit(PROCESS_BATCH)
        .execute();
      if (events.length === 0) return { count: 0, dueNow: false };
      const subscriberIds = [...new Set(events.flatMap((e) => (e.subscriber_id ? [e.subscriber_id] : [])))];
      const subscribers =
        subscriberIds.length > 0 ? await trx.selectFrom('subscribers').selectAll().where('id', 'in', subscriberIds).execute() : [];
      const byId = new Map(subscribers.map((s) => [s.id, s]));
      let dueNow = false;
      for (const event of events) {
        const subscriber = event.subscriber_id ? byId.get(event.subscriber_id) : undefined;
        if (!subscriber) continue;
        const started = await startAutomations(trx, now, { kind: 'event', event }, subscriber);
        dueNow ||= started.dueNow;
      }
      await trx
        .updateTable('events')
        .set({ processed_at: now.toISOString() })
        .where(
          'id',
          'in',
          events.map((e) => e.id),
        )
        .execute();
      return { count: events.length, dueNow };
    });
    if (dueNow) ctx.wake();
    if (count < PROCESS_BATCH) return;
  }
}
