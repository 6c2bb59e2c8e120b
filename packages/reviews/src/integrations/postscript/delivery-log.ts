/** The delivery log (every call to Postscript with its outcome) and replay of calls that failed or were skipped. */
import { conflict, fromJson, notFound, type Clock } from '@rapport/kit';
import type { OutboxState, PostscriptOutboxTable } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { getStore } from '../../stores/stores.js';
import { enqueueNextDelivery } from './outbox.js';

export interface DeliveryLogEntry {
  id: string;
  customer_id: string;
  kind: PostscriptOutboxTable['kind'];
  name: string;
  state: OutboxState;
  external_id: string;
  attempts: number;
  replays: number;
  last_error: string | null;
  skip_reason: string | null;
  response: { status: number; body: string } | null;
  payload: unknown;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
}

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
  db: Db,
  storeId: string,
  opts: { state?: OutboxState; limit: number },
): Promise<PostscriptOutboxTable[]> {
  await getStore(db, storeId);
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
export async function replayDelivery(db: Db, clock: Clock, storeId: string, outboxId: string): Promise<PostscriptOutboxTable> {
  const row = await db
    .selectFrom('postscript_outbox')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('id', '=', outboxId)
    .executeTakeFirst();
  if (!row) throw notFound(`no delivery ${outboxId} in store ${storeId}`, ['path', 'delivery_id']);
  if (row.state === 'delivered' || row.state === 'pending')
    throw conflict(`delivery ${outboxId} is ${row.state}; only failed or skipped calls can be replayed`, ['path', 'delivery_id']);
  if (row.skip_reason === 'invalid_properties')
    throw conflict(`delivery ${outboxId} was skipped because its properties are invalid: ${row.last_error ?? ''}`, ['path', 'delivery_id']);
  const now = clock.now();
  const replays = row.replays + 1;
  const updated = await db
    .updateTable('postscript_outbox')
    .set({ state: 'pending', skip_reason: null, last_error: null, replays, updated_at: now.toISOString() })
    .where('id', '=', row.id)
    .where('state', '=', row.state)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    throw conflict(`delivery ${outboxId} changed while replaying; try again`, ['path', 'delivery_id']);
  await enqueueNextDelivery(db, clock, row.customer_id);
  return { ...row, state: 'pending', skip_reason: null, last_error: null, replays, updated_at: now.toISOString() };
}
