import { Invalid, newId, retryTransaction, toJson } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import { startAutomations } from '../automations/start.js';
import { FlowBatch } from '../flows/runs.js';
import { replayIdempotent, requestHash, saveIdempotent, type StoredResponse } from '../idempotency/store.js';
import { requireSubscriber } from '../subscribers/find.js';
import { rememberDeclaredWait, requireTrigger } from './store.js';

export interface FireResponse {
  fired: true;
  id: string;
}

export type TagValues = Record<string, string | number | boolean | null>;

/**
 * POST /v1/triggers/{id}/subscribers/{subscriber_id}: one transaction records the fire and starts every
 * enabled legacy automation on the trigger (runs + outbox rows + send jobs). With an Idempotency-Key a
 * retried fire replays the first response and starts nothing.
 */
export async function fireTrigger(
  ctx: SmsContext,
  input: { shopId: string; triggerId: string; subscriberId: string; tags: TagValues; idempotencyKey: string | undefined },
): Promise<StoredResponse<FireResponse>> {
  for (const [k, v] of Object.entries(input.tags)) {
    if (typeof v === 'string' && v.length > 2000) throw new Invalid('tag values must be at most 2000 characters', ['body', k]);
  }
  const scope = 'trigger_fire';
  const hash = requestHash({ trigger: input.triggerId, subscriber: input.subscriberId, tags: input.tags });
  const result = await retryTransaction(() =>
    ctx.db.transaction().execute(async (trx) => {
      const now = ctx.clock.now();
      if (input.idempotencyKey) {
        const replay = await replayIdempotent<FireResponse>(trx, { shopId: input.shopId, scope, key: input.idempotencyKey, hash });
        if (replay) return { response: replay, dueNow: false };
      }
      const trigger = await requireTrigger(trx, input.shopId, input.triggerId, ['path', 'trigger_id']);
      const subscriber = await requireSubscriber(trx, input.shopId, input.subscriberId, ['path', 'subscriber_id']);
      const fireId = newId('fire');
      await trx
        .insertInto('trigger_fires')
        .values({
          id: fireId,
          shop_id: input.shopId,
          trigger_id: trigger.id,
          subscriber_id: subscriber.id,
          tag_values: toJson(input.tags),
          created_at: now.toISOString(),
        })
        .execute();
      await rememberDeclaredWait(trx, now, trigger, input.tags);
      const batch = new FlowBatch(ctx.database.dialect);
      const { dueNow } = await startAutomations(
        trx,
        batch,
        now,
        { kind: 'trigger', fire: { id: fireId, shopId: input.shopId, triggerId: trigger.id, tags: input.tags } },
        subscriber,
      );
      await batch.flush(trx, now);
      const response: StoredResponse<FireResponse> = { statusCode: 202, body: { fired: true, id: fireId } };
      if (input.idempotencyKey) await saveIdempotent(trx, now, { shopId: input.shopId, scope, key: input.idempotencyKey, hash, response });
      return { response, dueNow };
    }),
  );
  if (result.dueNow) ctx.wake();
  return result.response;
}
