import { toJson, sortableId } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { MessagePurpose, OutboxMessagesTable, SmsSchema } from '../db/schema.js';
import { SEND_TEXT } from '../jobs.js';
import { countSmsParts } from './sms-parts.js';

export interface QueueMessageInput {
  shopId: string;
  subscriberId: string | null;
  to: string;
  body: string;
  /** An MMS's one image. */
  mediaUrl?: string | null;
  purpose: MessagePurpose;
  sendAt: Date;
  warnings?: string[];
  automation?: { automationId: string; runId: string; fireId: string; step: number };
}

/**
 * Writes an outbox row (state `queued`) and its send job inside the caller's transaction — before any
 * provider call, in the same commit as the cause (the fire, the inbound reply, the sign-up). An automation
 * step already queued for this fire is not queued again (unique (automation_id, fire_id, step)).
 */
export async function queueMessage(trx: Kysely<SmsSchema>, now: Date, input: QueueMessageInput): Promise<{ id: string; created: boolean }> {
  const row = outboxRow(now, input);
  const id = row.id;
  const result = await trx
    .insertInto('outbox_messages')
    .values(row)
    .onConflict((oc) => oc.columns(['automation_id', 'fire_id', 'step']).doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) {
    const a = input.automation;
    const existing = await trx
      .selectFrom('outbox_messages')
      .select('id')
      .where('automation_id', '=', a?.automationId ?? '')
      .where('fire_id', '=', a?.fireId ?? '')
      .where('step', '=', a?.step ?? -1)
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
  await SEND_TEXT.enqueue(trx, now, { outboxId: id }, sendJobOptions(row));
  return { id, created: true };
}

/** The send job of an outbox row: due when the row is, deduped by the row. */
export const sendJobOptions = (row: Pick<OutboxMessagesTable, 'id' | 'send_at'>) => ({
  runAt: new Date(row.send_at),
  dedupeKey: `send:${row.id}`,
  maxAttempts: 12,
});

/** A queued outbox row (parts counted now), for `queueMessage` and for writers that insert many at once. */
export function outboxRow(now: Date, input: QueueMessageInput): OutboxMessagesTable {
  const at = now.toISOString();
  const { parts: segments, encoding } = countSmsParts(input.body);
  return {
    id: sortableId('msg', now),
    shop_id: input.shopId,
    subscriber_id: input.subscriberId,
    to_phone: input.to,
    from_phone: null,
    body: input.body,
    media_url: input.mediaUrl ?? null,
    purpose: input.purpose,
    segments,
    encoding,
    warnings: toJson(input.warnings ?? []),
    status: 'queued',
    status_reason: null,
    automation_id: input.automation?.automationId ?? null,
    run_id: input.automation?.runId ?? null,
    fire_id: input.automation?.fireId ?? null,
    step: input.automation?.step ?? null,
    send_at: input.sendAt.toISOString(),
    held_until: null,
    provider: null,
    provider_message_id: null,
    delivery_status: null,
    error: null,
    dispatch_attempts: 0,
    dispatched_at: null,
    sent_at: null,
    created_at: at,
    updated_at: at,
  };
}
