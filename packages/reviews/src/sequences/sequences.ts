import { Invalid, NotFound, newId, trimToNull } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/record.js';
import type { ReviewsSchema, SequenceAnchor, SequencesTable } from '../db/schema.js';
import { cancelReviewRequest } from '../review-requests/requests.js';
import { MAX_WAIT_DAYS, type SequenceView } from '../schemas/sequences.js';
import { requireStore } from '../stores/stores.js';

export const DEFAULT_SEQUENCE_NAME = 'Postscript review request';

export interface SequenceInput {
  storeId: string;
  waitDays: number;
  after: SequenceAnchor;
  start: boolean;
  name?: string;
}

export function sequenceView(s: SequencesTable): SequenceView {
  return {
    sequence_id: s.id,
    store_id: s.store_id,
    name: s.name,
    channel: s.channel,
    wait_days: s.wait_days,
    after: s.anchor,
    status: s.status,
    started_at: s.started_at,
    stopped_at: s.stopped_at,
    created_at: s.created_at,
  };
}

/** "Mail > Sequences > Postscript > Get Started": a Wait of N days after fulfilment or delivery; optionally started. */
export async function insertSequence(db: Kysely<ReviewsSchema>, now: Date, input: SequenceInput): Promise<SequencesTable> {
  await requireStore(db, input.storeId);
  if (!Number.isInteger(input.waitDays) || input.waitDays < 0 || input.waitDays > MAX_WAIT_DAYS) {
    throw new Invalid(`wait_days must be a whole number of days from 0 to ${MAX_WAIT_DAYS}, got ${input.waitDays}`, ['body', 'wait_days']);
  }
  if (input.after !== 'fulfillment' && input.after !== 'delivery') {
    throw new Invalid(`after must be "fulfillment" or "delivery", got "${String(input.after)}"`, ['body', 'after']);
  }
  const name = input.name?.trim() || DEFAULT_SEQUENCE_NAME;
  const at = now.toISOString();
  const row: SequencesTable = {
    id: newId('seq'),
    store_id: input.storeId,
    name,
    channel: 'postscript',
    wait_days: input.waitDays,
    anchor: input.after,
    status: input.start ? 'running' : 'draft',
    started_at: input.start ? at : null,
    stopped_at: null,
    created_at: at,
    updated_at: at,
  };
  await db.insertInto('sequences').values(row).execute();
  return row;
}

export async function requireSequence(db: Kysely<ReviewsSchema>, storeId: string, sequenceId: string): Promise<SequencesTable> {
  const row = await db.selectFrom('sequences').selectAll().where('store_id', '=', storeId).where('id', '=', sequenceId).executeTakeFirst();
  if (!row) throw new NotFound(`no sequence ${sequenceId} in store ${storeId}`, ['path', 'sequence_id']);
  return row;
}

export async function listSequences(db: Kysely<ReviewsSchema>, storeId: string): Promise<SequencesTable[]> {
  return db.selectFrom('sequences').selectAll().where('store_id', '=', storeId).orderBy('created_at').orderBy('id').execute();
}

/** The Start button. Recruits orders fulfilled from now on; starting a running sequence changes nothing. */
export async function startSequence(db: Kysely<ReviewsSchema>, now: Date, storeId: string, sequenceId: string): Promise<SequencesTable> {
  const seq = await requireSequence(db, storeId, sequenceId);
  if (seq.status === 'running') return seq;
  const at = now.toISOString();
  await db
    .updateTable('sequences')
    .set({ status: 'running', started_at: at, stopped_at: null, updated_at: at })
    .where('id', '=', seq.id)
    .execute();
  return { ...seq, status: 'running', started_at: at, stopped_at: null, updated_at: at };
}

/** Stops recruiting and withdraws the sequence's scheduled requests (nothing is sent for them), in one transaction. */
export async function stopSequence(
  db: Kysely<ReviewsSchema>,
  now: Date,
  activity: ActivityLog,
  storeId: string,
  sequenceId: string,
): Promise<SequencesTable> {
  return db.transaction().execute(async (trx) => {
    const seq = await requireSequence(trx, storeId, sequenceId);
    if (seq.status !== 'running') return seq;
    const at = now.toISOString();
    await trx.updateTable('sequences').set({ status: 'stopped', stopped_at: at, updated_at: at }).where('id', '=', seq.id).execute();
    const scheduled = await trx
      .selectFrom('review_requests')
      .selectAll()
      .where('sequence_id', '=', seq.id)
      .where('state', '=', 'scheduled')
      .execute();
    for (const request of scheduled) await cancelReviewRequest(trx, now, activity, request, 'sequence_stopped');
    return { ...seq, status: 'stopped', stopped_at: at, updated_at: at };
  });
}

/**
 * The Wait component's side panel → Save: the days and what they count from (and the name). Applies to orders
 * recruited from now on; requests already scheduled keep the time they were given (re-timing them would
 * move texts a customer may already expect).
 */
export async function updateSequence(
  db: Kysely<ReviewsSchema>,
  now: Date,
  storeId: string,
  sequenceId: string,
  patch: { name?: string | undefined; waitDays?: number | undefined; after?: SequenceAnchor | undefined },
): Promise<SequencesTable> {
  const seq = await requireSequence(db, storeId, sequenceId);
  const name = patch.name !== undefined ? trimToNull(patch.name) : seq.name;
  if (!name) throw new Invalid('name must not be empty', ['body', 'name']);
  const next: SequencesTable = {
    ...seq,
    name,
    wait_days: patch.waitDays ?? seq.wait_days,
    anchor: patch.after ?? seq.anchor,
    updated_at: now.toISOString(),
  };
  await db
    .updateTable('sequences')
    .set({ name: next.name, wait_days: next.wait_days, anchor: next.anchor, updated_at: next.updated_at })
    .where('id', '=', seq.id)
    .execute();
  return next;
}
