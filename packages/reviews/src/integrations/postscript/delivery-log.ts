/** The delivery log (every call to Postscript with its outcome) and replay of calls that failed or were skipped. */
import { Conflict, NotFound, fromJson } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { OutboxState, PostscriptOutboxTable, ReviewsSchema } from '../../db/schema.js';
import type { DeliveryHealth, DeliveryLogEntry } from '../../schemas/postscript.js';
import { requireStore } from '../../stores/stores.js';
import { postscriptQueue } from './outbox.js';

export function deliveryLogEntry(row: PostscriptOutboxTable): DeliveryLogEntry {
  return {
    id: row.id,
    customer_id: row.customer_id,
    kind: row.kind,
    name: row.name,
    state: row.state,
    external_id: row.external_id,
    attempts: row.attempts,
    replays: row.replays,
    last_error: row.last_error,
    skip_reason: row.skip_reason,
    response: fromJson<{ status: number; body: string } | null>(row.response, null),
    payload: fromJson<unknown>(row.payload, null),
    created_at: row.created_at,
    updated_at: row.updated_at,
    delivered_at: row.delivered_at,
  };
}

/** Newest first. */
export async function listDeliveryLog(
  db: Kysely<ReviewsSchema>,
  storeId: string,
  opts: { state?: OutboxState; limit: number },
): Promise<PostscriptOutboxTable[]> {
  await requireStore(db, storeId);
  return db
    .selectFrom('postscript_outbox')
    .selectAll()
    .where('store_id', '=', storeId)
    .$if(opts.state !== undefined, (q) => q.where('state', '=', opts.state as OutboxState))
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(opts.limit)
    .execute();
}

/**
 * Puts a failed or skipped call back in the customer's queue, after the merchant fixed the key or the
 * customer subscribed. It keeps its original place: if it is the customer's oldest pending call it goes
 * next, else after the older ones. Delivered and still-pending calls cannot be replayed; nor can a call
 * skipped for invalid properties, which would fail validation the same way again.
 */
export async function replayDelivery(
  db: Kysely<ReviewsSchema>,
  now: Date,
  storeId: string,
  outboxId: string,
): Promise<PostscriptOutboxTable> {
  const row = await db
    .selectFrom('postscript_outbox')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', outboxId)
    .executeTakeFirst();
  if (!row) throw new NotFound(`no delivery ${outboxId} in store ${storeId}`, ['path', 'delivery_id']);
  if (row.state === 'delivered' || row.state === 'pending')
    throw new Conflict(`delivery ${outboxId} is ${row.state}; only failed or skipped calls can be replayed`, ['path', 'delivery_id']);
  if (row.skip_reason === 'invalid_properties')
    throw new Conflict(`delivery ${outboxId} was skipped because its properties are invalid: ${row.last_error ?? ''}`, [
      'path',
      'delivery_id',
    ]);
  const replayed = await postscriptQueue.replay(db, now, row.customer_id, row, { skip_reason: null, last_error: null });
  if (!replayed) throw new Conflict(`delivery ${outboxId} changed while replaying; try again`, ['path', 'delivery_id']);
  return { ...row, state: 'pending', skip_reason: null, last_error: null, replays: row.replays + 1, updated_at: now.toISOString() };
}

/**
 * The integration tile's sync health: calls by outcome, skipped ones split by why (a customer who is not a
 * subscriber is skipped by design, not an error). One grouped count over the store's rows.
 */
export async function deliveryHealth(db: Kysely<ReviewsSchema>, storeId: string): Promise<DeliveryHealth> {
  await requireStore(db, storeId);
  const rows = await db
    .selectFrom('postscript_outbox')
    .select(['state', 'skip_reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('store_id', '=', storeId)
    .groupBy(['state', 'skip_reason'])
    .execute();
  const health: DeliveryHealth = { delivered: 0, failed: 0, pending: 0, skipped: 0, skipped_not_subscriber: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    health[r.state] += n;
    if (r.state === 'skipped' && r.skip_reason === 'not_a_subscriber') health.skipped_not_subscriber += n;
  }
  return health;
}
