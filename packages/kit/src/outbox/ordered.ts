import type { Kysely } from 'kysely';
import type { TObject, TString } from 'typebox';
import type { JobDefinition } from '../jobs/define.js';
import type { DbOf } from '../jobs/enqueue.js';
import type { JobsSchema } from '../jobs/schema.js';

/**
 * An outbox of outgoing calls delivered in order per key (per customer, per webhook subscription): every
 * call is a row written in the same transaction as the change that causes it, and each key's rows form a
 * queue. Only the oldest pending row of a key has a delivery job; settling it (delivered, skipped, failed
 * for good) enqueues the next row in the same transaction. So a key's calls go out in the order written,
 * without polling, and a crash anywhere leaves either the old head or the new head with its job.
 *
 * The table is the service's own (its other columns are its business); this module needs these columns:
 *   id text, <keyColumn> text, seq integer (order within one writing transaction), state text
 *   ('pending' | anything terminal), replays integer, created_at text, updated_at text.
 * The delivery job's dedupe key is `<job>:<row id>:<replays>`, so a replayed row gets a fresh job.
 *
 *   pending ──deliver──▶ delivered | skipped | failed ──replay──▶ pending (replays + 1, back in its place)
 */
export interface OrderedRow {
  id: string;
  seq: number;
  state: string;
  replays: number;
  created_at: string;
}

export type DeliveryPayload = TObject<{ outbox_id: TString }>;

export interface OrderedOutboxOptions<C> {
  table: string;
  keyColumn: string;
  /**
   * The job that delivers one row (payload `{ outbox_id }`), or a function returning it: a service's
   * `jobs.ts` imports the handlers that import their outbox, so the outbox may be evaluated before the
   * definition exists and reads it only when it first enqueues.
   */
  job: JobDefinition<C, DeliveryPayload> | (() => JobDefinition<C, DeliveryPayload>);
  maxAttempts: number;
}

export interface OrderedOutbox {
  /** Makes sure the key's oldest pending row has its delivery job; returns that row's id, if any. */
  enqueueHead<DB extends JobsSchema>(db: DbOf<DB>, now: Date, key: string): Promise<string | null>;
  /** An older pending row of the same key, if the given row must wait for it. */
  olderPending<DB extends JobsSchema>(db: DbOf<DB>, key: string, row: OrderedRow): Promise<string | null>;
  /** Settles a row for good and hands its key's queue to the next row, in one transaction. */
  settle<DB extends JobsSchema>(db: DbOf<DB>, now: Date, key: string, rowId: string, set: Record<string, unknown>): Promise<void>;
  /** Puts a settled row back in its key's queue (its original place); false when it was not in `fromState`. */
  replay<DB extends JobsSchema>(db: DbOf<DB>, now: Date, key: string, row: OrderedRow, set: Record<string, unknown>): Promise<boolean>;
  dedupeKey(rowId: string, replays: number): string;
}

// The table is named at run time, so these queries are built on an untyped handle.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the caller's table, checked by the column contract above
type Loose = Kysely<any>;

export function orderedOutbox<C>(options: OrderedOutboxOptions<C>): OrderedOutbox {
  const { table, keyColumn } = options;
  const job = (): JobDefinition<C, DeliveryPayload> => (typeof options.job === 'function' ? options.job() : options.job);
  const dedupeKey = (rowId: string, replays: number) => `${job().name}:${rowId}:${replays}`;

  const enqueueHead: OrderedOutbox['enqueueHead'] = async (db, now, key) => {
    const head = (await (db as unknown as Loose)
      .selectFrom(table)
      .select(['id', 'replays'])
      .where(keyColumn, '=', key)
      .where('state', '=', 'pending')
      .orderBy('created_at')
      .orderBy('seq')
      .orderBy('id')
      .executeTakeFirst()) as { id: string; replays: number } | undefined;
    if (!head) return null;
    await job().enqueue(db, now, { outbox_id: head.id }, { dedupeKey: dedupeKey(head.id, head.replays), maxAttempts: options.maxAttempts });
    return head.id;
  };

  return {
    dedupeKey,
    enqueueHead,
    async olderPending(db, key, row) {
      const older = (await (db as unknown as Loose)
        .selectFrom(table)
        .select('id')
        .where(keyColumn, '=', key)
        .where('state', '=', 'pending')
        .where('id', '!=', row.id)
        .where((eb) =>
          eb.or([eb('created_at', '<', row.created_at), eb.and([eb('created_at', '=', row.created_at), eb('seq', '<', row.seq)])]),
        )
        .executeTakeFirst()) as { id: string } | undefined;
      return older?.id ?? null;
    },
    async settle(db, now, key, rowId, set) {
      await (db as unknown as Loose).transaction().execute(async (trx) => {
        await trx
          .updateTable(table)
          .set({ ...set, updated_at: now.toISOString() })
          .where('id', '=', rowId)
          .execute();
        await enqueueHead(trx, now, key);
      });
    },
    async replay(db, now, key, row, set) {
      const updated = await (db as unknown as Loose)
        .updateTable(table)
        .set({ ...set, state: 'pending', replays: row.replays + 1, updated_at: now.toISOString() })
        .where('id', '=', row.id)
        .where('state', '=', row.state)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await enqueueHead(db, now, key);
      return true;
    },
  };
}
