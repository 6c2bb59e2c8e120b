import type { SmsContext } from '../context.js';
import { startAutomations } from '../automations/start.js';

/**
 * `events.process`: runs once per stored event, after its commit. An event of a known subscriber goes to
 * `automations/start` (the same entry point as a trigger fire); the event is then marked processed, in the
 * same transaction, so a retried job starts nothing twice.
 */
export async function processEvent(ctx: SmsContext, payload: { eventId: string }): Promise<void> {
  // Most events name nobody we know (no subscriber): nothing can start, so one statement settles them.
  const anonymous = await ctx.db
    .updateTable('events')
    .set({ processed_at: ctx.clock.now().toISOString() })
    .where('id', '=', payload.eventId)
    .where('processed_at', 'is', null)
    .where('subscriber_id', 'is', null)
    .executeTakeFirst();
  if (Number(anonymous.numUpdatedRows) > 0) return;
  const dueNow = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const event = await trx.selectFrom('events').selectAll().where('id', '=', payload.eventId).executeTakeFirst();
    if (!event || event.processed_at !== null) return false;
    let started = { runs: 0, dueNow: false };
    if (event.subscriber_id) {
      const subscriber = await trx.selectFrom('subscribers').selectAll().where('id', '=', event.subscriber_id).executeTakeFirst();
      if (subscriber) started = await startAutomations(trx, now, { kind: 'event', event }, subscriber);
    }
    await trx.updateTable('events').set({ processed_at: now.toISOString() }).where('id', '=', event.id).execute();
    return started.dueNow;
  });
  if (dueNow) ctx.wake();
}
