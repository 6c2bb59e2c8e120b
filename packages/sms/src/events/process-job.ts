import type { SmsContext } from '../context.js';

/**
 * `events.process`: runs once per stored event, after its commit. This is the hook automation flows plug into
 * (trigger matching, wait-for-event splits); today it only marks the event processed.
 */
export async function processEvent(ctx: SmsContext, payload: { eventId: string }): Promise<void> {
  await ctx.db
    .updateTable('events')
    .set({ processed_at: ctx.clock.now().toISOString() })
    .where('id', '=', payload.eventId)
    .where('processed_at', 'is', null)
    .execute();
}
