import { Invalid, fromJson } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { SmsSchema } from '../db/schema.js';
import { normalizePhone } from '../phone/normalize.js';
import type { MessageView } from '../schemas/messages.js';

/** A shop's outbox, oldest first, optionally for one recipient (any phone format). */
export async function listOutbox(db: Kysely<SmsSchema>, shopId: string, to?: string, limit = 500): Promise<MessageView[]> {
  let q = db.selectFrom('outbox_messages').selectAll().where('shop_id', '=', shopId);
  if (to !== undefined) {
    const phone = normalizePhone(to);
    if (!phone) throw new Invalid(`to "${to}" is not a phone number`, ['query', 'to']);
    q = q.where('to_phone', '=', phone);
  }
  const rows = await q.orderBy('created_at').orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    to: r.to_phone,
    body: r.body,
    status: r.status,
    status_reason: r.status_reason,
    purpose: r.purpose,
    subscriber_id: r.subscriber_id,
    automation_id: r.automation_id,
    segments: r.segments,
    encoding: r.encoding,
    warnings: fromJson<string[]>(r.warnings, []),
    send_at: r.send_at,
    held_until: r.held_until,
    sent_at: r.sent_at,
    provider_message_id: r.provider_message_id,
    delivery_status: r.delivery_status,
    created_at: r.created_at,
  }));
}

/** What was sent for an outbox row, for reconciling a Twilio send whose SID was never recorded. */
export async function sentTextOf(db: Kysely<SmsSchema>, outboxId: string): Promise<{ to: string; body: string; since: Date } | null> {
  const row = await db
    .selectFrom('outbox_messages')
    .select(['to_phone', 'body', 'dispatched_at', 'created_at'])
    .where('id', '=', outboxId)
    .executeTakeFirst();
  return row ? { to: row.to_phone, body: row.body, since: new Date(row.dispatched_at ?? row.created_at) } : null;
}
