import type { Kysely } from 'kysely';
import type { OutboxMessagesTable, SmsSchema } from '../db/schema.js';
import type { OutboxEntryView, OutboxPageView, OutboxState } from '../schemas/messages.js';

/** A queued text with a hold is "held": it waits for quiet hours to end, not for its turn. Pure. */
export function outboxState(row: Pick<OutboxMessagesTable, 'status' | 'held_until'>): OutboxState {
  return row.status === 'queued' && row.held_until !== null ? 'held' : row.status;
}

/** The Messages screen: a shop's outbox, newest first, by state, a page at a time. */
export async function listOutboxPage(
  db: Kysely<SmsSchema>,
  shopId: string,
  q: { state?: OutboxState | undefined; page: number; pageSize: number },
): Promise<OutboxPageView> {
  let base = db.selectFrom('outbox_messages as o').where('o.shop_id', '=', shopId);
  if (q.state === 'held') base = base.where('o.status', '=', 'queued').where('o.held_until', 'is not', null);
  else if (q.state === 'queued') base = base.where('o.status', '=', 'queued').where('o.held_until', 'is', null);
  else if (q.state) base = base.where('o.status', '=', q.state);
  const [rows, total] = await Promise.all([
    base
      // A flow's texts carry the flow's id where a legacy automation's carry the automation's.
      .leftJoin('automations as a', 'a.id', 'o.automation_id')
      .leftJoin('flows as f', 'f.id', 'o.automation_id')
      .selectAll('o')
      .select(['a.name as automation_name', 'f.name as flow_name'])
      .orderBy('o.created_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const clicks = await clicksOf(
    db,
    rows.map((r) => r.id),
  );
  const messages: OutboxEntryView[] = rows.map((r) => ({
    id: r.id,
    to: r.to_phone,
    body: r.body,
    state: outboxState(r),
    status_reason: r.status_reason,
    held_until: r.held_until,
    purpose: r.purpose,
    subscriber_id: r.subscriber_id,
    automation: r.automation_id ? { id: r.automation_id, name: r.automation_name ?? r.flow_name ?? r.automation_id } : null,
    segments: r.segments,
    encoding: r.encoding,
    send_at: r.send_at,
    sent_at: r.sent_at,
    delivery_status: r.delivery_status,
    error: r.error,
    clicks: clicks.get(r.id) ?? 0,
    created_at: r.created_at,
  }));
  return { messages, total: Number(total.n), page: q.page, page_size: q.pageSize };
}

/** Clicks on the short links of these texts, by text. */
export async function clicksOf(db: Kysely<SmsSchema>, outboxIds: readonly string[]): Promise<Map<string, number>> {
  if (outboxIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('short_links')
    .select(['outbox_id', (eb) => eb.fn.sum<number>('clicks').as('n')])
    .where('outbox_id', 'in', [...outboxIds])
    .groupBy('outbox_id')
    .execute();
  return new Map(rows.map((r) => [r.outbox_id, Number(r.n)]));
}
