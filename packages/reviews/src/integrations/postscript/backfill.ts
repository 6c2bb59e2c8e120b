/**
 * The connect-time backfill: once Postscript is connected, every existing customer who could be a
 * subscriber (has an email or a phone) gets their Okendo properties — one profile patch each, written to
 * their outbox queue, where delivery looks them up and skips those who are not subscribers (Okendo never
 * creates one). No *Update Customer Profile* event is sent for a backfill: it is the merchant connecting,
 * not the customer changing, and an event per customer would start the merchant's automations for everyone.
 *
 * Resumable: customers are walked in id order, a page per `postscript.profile_backfill` job, and each page
 * commits its patches together with the new cursor, so a crash repeats at most the page it was in (and a
 * repeated page writes nothing: patches are keyed per backfill and customer). Progress is the row in
 * `profile_backfills` plus the outcome of its patches in the outbox.
 */
import { sortableId } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { ReviewsContext } from '../../context.js';
import type { ProfileBackfillsTable, ReviewsSchema } from '../../db/schema.js';
import { POSTSCRIPT_PROFILE_BACKFILL } from '../../jobs.js';
import type { BackfillView } from '../../schemas/postscript.js';
import { requireStore } from '../../stores/stores.js';
import { writeOutbox } from './outbox.js';
import { pendingProfileChanges } from './profile-push.js';

/** Customers per page (one transaction): ~100 ms of work on SQLite, short enough not to starve webhooks. */
export const BACKFILL_PAGE = 200;

/**
 * Customers who existed when the backfill started; later ones get their properties the ordinary way, when
 * a fact that feeds their profile is recorded.
 */
function candidates(db: Kysely<ReviewsSchema>, storeId: string, startedAt: string) {
  return db
    .selectFrom('customers')
    .where('store_id', '=', storeId)
    .where('created_at', '<', startedAt)
    .where((eb) => eb.or([eb('email', 'is not', null), eb('phone', 'is not', null)]));
}

const patchKey = (backfillId: string, customerId: string): string => `backfill:${backfillId}:${customerId}`;
const pageKey = (backfillId: string, scanned: number): string => `postscript.profile_backfill:${backfillId}:${scanned}`;

export async function latestBackfill(db: Kysely<ReviewsSchema>, storeId: string): Promise<ProfileBackfillsTable | undefined> {
  return db.selectFrom('profile_backfills').selectAll().where('store_id', '=', storeId).orderBy('id', 'desc').executeTakeFirst();
}

/**
 * Starts a backfill, or resumes the one still running (making sure its next page has a job). Inside the
 * caller's transaction when given one (connecting starts it with the integration's save).
 */
export async function startBackfill(db: Kysely<ReviewsSchema>, now: Date, storeId: string): Promise<ProfileBackfillsTable> {
  const running = await latestBackfill(db, storeId);
  if (running && running.state === 'running') {
    await POSTSCRIPT_PROFILE_BACKFILL.enqueue(db, now, { backfill_id: running.id }, { dedupeKey: pageKey(running.id, running.scanned) });
    return running;
  }
  const total = await candidates(db, storeId, now.toISOString())
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const at = now.toISOString();
  const row: ProfileBackfillsTable = {
    // Sortable: the latest backfill is the one with the greatest id, even within one millisecond.
    id: sortableId('bf', now),
    store_id: storeId,
    state: 'running',
    total: Number(total.n),
    scanned: 0,
    cursor: null,
    written: 0,
    started_at: at,
    finished_at: null,
    updated_at: at,
  };
  await db.insertInto('profile_backfills').values(row).execute();
  await POSTSCRIPT_PROFILE_BACKFILL.enqueue(db, now, { backfill_id: row.id }, { dedupeKey: pageKey(row.id, 0) });
  return row;
}

/** `postscript.profile_backfill`: one page of customers. */
export async function runBackfillPage(ctx: ReviewsContext, payload: { backfill_id: string }, now: Date): Promise<void> {
  const wrote = await ctx.db.transaction().execute(async (trx) => {
    const backfill = await trx.selectFrom('profile_backfills').selectAll().where('id', '=', payload.backfill_id).executeTakeFirst();
    if (!backfill || backfill.state !== 'running') return false;
    const at = now.toISOString();
    const connected = await trx
      .selectFrom('postscript_integrations')
      .select('store_id')
      .where('store_id', '=', backfill.store_id)
      .executeTakeFirst();
    if (!connected) {
      // Disconnected meanwhile: stop; connecting again starts a new backfill.
      await trx
        .updateTable('profile_backfills')
        .set({ state: 'done', finished_at: at, updated_at: at })
        .where('id', '=', backfill.id)
        .execute();
      return false;
    }
    const page = await candidates(trx, backfill.store_id, backfill.started_at)
      .select('id')
      .$if(backfill.cursor !== null, (q) => q.where('id', '>', backfill.cursor as string))
      .orderBy('id')
      .limit(BACKFILL_PAGE)
      .execute();
    let written = 0;
    for (const { id: customerId } of page) {
      const changes = await pendingProfileChanges(trx, customerId);
      if (Object.keys(changes).length === 0) continue;
      const ids = await writeOutbox(trx, now, { storeId: backfill.store_id, customerId }, [
        { kind: 'profile', externalId: patchKey(backfill.id, customerId), properties: changes },
      ]);
      if (ids.length > 0) written++;
    }
    const scanned = backfill.scanned + page.length;
    const done = page.length < BACKFILL_PAGE;
    await trx
      .updateTable('profile_backfills')
      .set({
        scanned,
        cursor: page.at(-1)?.id ?? backfill.cursor,
        written: backfill.written + written,
        // Customers added while it ran can push `scanned` past the count taken at the start.
        total: Math.max(backfill.total, scanned),
        state: done ? 'done' : 'running',
        finished_at: done ? at : null,
        updated_at: at,
      })
      .where('id', '=', backfill.id)
      .execute();
    if (!done)
      await POSTSCRIPT_PROFILE_BACKFILL.enqueue(trx, now, { backfill_id: backfill.id }, { dedupeKey: pageKey(backfill.id, scanned) });
    return written > 0 || !done;
  });
  if (wrote) ctx.wake();
}

/** The backfill as the dashboard and the CLI show it: customers looked at, and what became of their patches. */
export async function backfillView(db: Kysely<ReviewsSchema>, storeId: string): Promise<BackfillView> {
  await requireStore(db, storeId);
  const row = await latestBackfill(db, storeId);
  if (!row) return { backfill: null };
  const outcomes = await db
    .selectFrom('postscript_outbox')
    .select(['state', 'skip_reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('store_id', '=', storeId)
    .where('kind', '=', 'profile')
    .where('external_id', 'like', `backfill:${row.id}:%`)
    .groupBy(['state', 'skip_reason'])
    .execute();
  const count = (f: (o: (typeof outcomes)[number]) => boolean) => outcomes.filter(f).reduce((sum, o) => sum + Number(o.n), 0);
  const patches = {
    written: row.written,
    delivered: count((o) => o.state === 'delivered'),
    pending: count((o) => o.state === 'pending'),
    not_subscribers: count((o) => o.state === 'skipped' && o.skip_reason === 'not_a_subscriber'),
    failed: count((o) => o.state === 'failed' || (o.state === 'skipped' && o.skip_reason !== 'not_a_subscriber')),
  };
  const upToDate = row.scanned - row.written;
  return {
    backfill: {
      backfill_id: row.id,
      state: row.state,
      total: row.total,
      scanned: row.scanned,
      up_to_date: upToDate,
      patches,
      // Customers whose outcome is known: nothing to send, or their patch settled one way or the other.
      settled: upToDate + patches.delivered + patches.not_subscribers + patches.failed,
      finished: row.state === 'done' && patches.pending === 0,
      started_at: row.started_at,
      finished_at: row.finished_at,
    },
  };
}
