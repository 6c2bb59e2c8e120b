import type { BatchItem, Outcome } from '@rapport/kit';
import type { SmsContext } from '../context.js';
import { startAutomations } from '../automations/start.js';

/** Ids one `IN (…)` list carries: well under SQLite's 32,766 bound parameters. */
const IDS_PER_QUERY = 5_000;

/**
 * `events.process`: each job carries the ids of one ingest batch's events of known subscribers, for one
 * shop (events for nobody have nothing to start and get no job). A worker round takes every claimed job at
 * once and processes their events in ONE transaction, oldest first, each through `automations/start` — the
 * same entry point as a trigger fire. The job's completion is the record that its events were processed:
 * a crash before it leaves the job to run again, and the runs' unique keys make that replay start nothing
 * twice.
 *
 * Why a job per batch rather than a flag per event: marking `events.processed_at` cost an UPDATE of every
 * event row and of a partial index, a second write of each event through SQLite's one writer; a job per
 * batch is one row per ~60 events, and its claim and completion are one statement per worker round for
 * all of them (bench, 2026-12-02: see docs/performance.md).
 *
 * Order: a shop's events are processed in id order within a round. Across rounds, and across workers on
 * PostgreSQL, batches may be processed out of order; each event starts its automations on its own, so
 * nothing depends on that order.
 */
export async function processEvents(
  ctx: SmsContext,
  items: readonly BatchItem<{ shopId: string; eventIds: string[] }>[],
): Promise<Outcome[]> {
  const ids = [...new Set(items.flatMap((item) => item.payload.eventIds))];
  const dueNow = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const events = [];
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY)
      events.push(
        ...(await trx
          .selectFrom('events')
          .selectAll()
          .where('id', 'in', ids.slice(i, i + IDS_PER_QUERY))
          .execute()),
      );
    events.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const subscriberIds = [...new Set(events.flatMap((e) => (e.subscriber_id ? [e.subscriber_id] : [])))];
    const byId = new Map<string, Awaited<ReturnType<typeof loadSubscribers>>[number]>();
    for (let i = 0; i < subscriberIds.length; i += IDS_PER_QUERY)
      for (const s of await loadSubscribers(trx, subscriberIds.slice(i, i + IDS_PER_QUERY))) byId.set(s.id, s);
    let due = false;
    for (const event of events) {
      const subscriber = event.subscriber_id ? byId.get(event.subscriber_id) : undefined;
      if (!subscriber) continue;
      const started = await startAutomations(trx, now, { kind: 'event', event }, subscriber);
      due ||= started.dueNow;
    }
    return due;
  });
  if (dueNow) ctx.wake();
  return items.map(() => ({ ok: true }));
}

const loadSubscribers = (trx: SmsContext['db'], ids: string[]) =>
  trx.selectFrom('subscribers').selectAll().where('id', 'in', ids).execute();
