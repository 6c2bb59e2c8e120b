import { fromJson, newId } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { LegacyMessageStep, SmsSchema, SubscribersTable } from '../../db/schema.js';
import { queueMessage } from '../../messages/outbox.js';
import { renderTemplate, type TagValue } from '../../messages/render.js';

const MINUTE = 60_000;

/**
 * What a trigger fire does to the shop's legacy automations, inside the fire's transaction: for every enabled
 * automation on the trigger, one run and one outbox row per message step (rendered now, sent at
 * fire time + the steps' cumulative delays). The unique keys (automation, fire) and (automation, fire, step)
 * make this safe to repeat.
 */
export async function startLegacyRuns(
  trx: Kysely<SmsSchema>,
  now: Date,
  fire: { id: string; shopId: string; triggerId: string; tags: Record<string, TagValue> },
  subscriber: SubscribersTable,
): Promise<{ runs: number; dueNow: boolean }> {
  const automations = await trx
    .selectFrom('automations')
    .selectAll()
    .where('shop_id', '=', fire.shopId)
    .where('trigger_id', '=', fire.triggerId)
    .where('enabled', '=', 1)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
  let dueNow = false;
  for (const automation of automations) {
    const runId = newId('run');
    const inserted = await trx
      .insertInto('automation_runs')
      .values({
        id: runId,
        shop_id: fire.shopId,
        automation_id: automation.id,
        subscriber_id: subscriber.id,
        fire_id: fire.id,
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['automation_id', 'fire_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
    const steps = fromJson<LegacyMessageStep[]>(automation.messages, []);
    let offset = 0;
    for (const [step, message] of steps.entries()) {
      offset += message.delay_minutes * MINUTE;
      const rendered = renderTemplate(message.body, {
        tags: fire.tags,
        subscriber: {
          first_name: subscriber.first_name,
          last_name: subscriber.last_name,
          phone_number: subscriber.phone_number,
          email: subscriber.email,
          properties: fromJson(subscriber.properties, {}),
        },
      });
      await queueMessage(trx, now, {
        shopId: fire.shopId,
        subscriberId: subscriber.id,
        to: subscriber.phone_number,
        body: rendered.body,
        warnings: rendered.warnings,
        purpose: 'automation',
        sendAt: new Date(now.getTime() + offset),
        automation: { automationId: automation.id, runId, fireId: fire.id, step },
      });
      if (offset === 0) dueNow = true;
    }
  }
  return { runs: automations.length, dueNow };
}
