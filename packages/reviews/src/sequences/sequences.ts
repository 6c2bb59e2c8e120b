import { badRequest, newId, notFound, type Clock } from '@rapport/kit';
import type { ReviewsDatabase } from '../db/open.js';
import type { SequenceAnchor, SequencesTable } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { cancelReviewRequest } from '../review-requests/requests.js';
import { getStore } from '../stores/stores.js';

/** Longest wait the Wait block accepts: a year covers any product's use-before-review period. */
export const MAX_WAIT_DAYS = 365;
export const DEFAULT_SEQUENCE_NAME = 'Postscript review request';

export interface SequenceInput {
  storeId: string;
  waitDays: number;
  after: SequenceAnchor;
  start: boolean;
  name?: string;
}

export interface SequenceView {
  sequence_id: string;
  store_id: string;
  name: string;
  channel: 'postscript';
  wait_days: number;
  after: SequenceAnchor;
  status: SequencesTable['status'];
  started_at: string | null;
  stopped_at: string | null;
  created_at: string;
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
export async function createSequence(database: ReviewsDatabase, clock: Clock, input: SequenceInput): Promise<{ sequence_id: string }> {
  const row = await insertSequence(database.db, clock, input);
  return { sequence_id: row.id };
}

export async function insertSequence(db: Db, clock: Clock, input: SequenceInput): Promise<SequencesTable> {
  await getStore(db, input.storeId);
  if (!Number.isInteger(input.waitDays) || input.waitDays < 0 || input.waitDays > MAX_WAIT_DAYS) {
    throw badRequest(`wait_days must be a whole number of days from 0 to ${MAX_WAIT_DAYS}, got ${input.waitDays}`, ['body', 'wait_days']);
  }
  if (input.after !== 'fulfillment' && input.after !== 'delivery') {
    throw badRequest(`after must be "fulfillment" or "delivery", got "${String(input.after)}"`, ['body', 'after']);
  }
  const name = input.name?.trim() || DEFAULT_SEQUENCE_NAME;
  const now = clock.now().toISOString();
  const row: SequencesTable = {
    id: newId('seq'),
    store_id: input.storeId,
    name,
    channel: 'postscript',
    wait_days: input.waitDays,
    anchor: input.after,
    status: input.start ? 'running' : 'draft',
    started_at: input.start ? now : null,
    stopped_at: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('sequences').values(row).execute();
  return row;
}

export async function getSequence(db: Db, storeId: string, sequenceId: string): Promise<SequencesTable> {
  const row = await db.selectFrom('sequences').selectAll().where('store_id', '=', storeId).where('id', '=', sequenceId).executeTakeFirst();
  if (!row) throw notFound(`no sequence ${sequenceId} in store ${storeId}`, ['path', 'sequence_id']);
  return row;
}

export async function listSequences(db: Db, storeId: string): Promise<SequencesTable[]> {
  return db.selectFrom('sequences').selectAll().where('store_id', '=', storeId).orderBy('created_at').orderBy('id').execute();
}

/** The Start button. Recruits orders fulfilled from now on; starting a running sequence changes nothing. */
export async function startSequence(db: Db, clock: Clock, storeId: string, sequenceId: string): Promise<SequencesTable> {
  const seq = await getSequence(db, storeId, sequenceId);
  if (seq.status === 'running') return seq;
  const now = clock.now().toISOString();
  await db
    .updateTable('sequences')
    .set({ status: 'running', started_at: now, stopped_at: null, updated_at: now })
    .where('id', '=', seq.id)
    .execute();
  return { ...seq, status: 'running', started_at: now, stopped_at: null, updated_at: now };
}

/** Stops recruiting and withdraws the sequence's scheduled requests (nothing is sent for them). */
export async function stopSequence(db: Db, clock: Clock, storeId: string, sequenceId: string): Promise<SequencesTable> {
  const seq = await getSequence(db, storeId, sequenceId);
  if (seq.status !== 'running') return seq;
  const now = clock.now().toISOString();
  await db.updateTable('sequences').set({ status: 'stopped', stopped_at: now, updated_at: now }).where('id', '=', seq.id).execute();
  const scheduled = await db
    .selectFrom('review_requests')
    .selectAll()
    .where('sequence_id', '=', seq.id)
    .where('state', '=', 'scheduled')
    .execute();
  for (const request of scheduled) await cancelReviewRequest(db, clock, request, 'sequence_stopped');
  return { ...seq, status: 'stopped', stopped_at: now, updated_at: now };
}
