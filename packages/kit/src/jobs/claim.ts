import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db/open.js';
import type { JobsSchema, JobsTable } from './schema.js';

/**
 * Claims up to `limit` due jobs for one worker by setting a short lease, in one statement.
 *
 * PostgreSQL: `FOR UPDATE SKIP LOCKED` lets many workers claim concurrently without blocking on each
 * other's rows. SQLite has a single writer, so the same UPDATE … WHERE id IN (SELECT …) RETURNING is
 * already atomic. A claim counts as an attempt, so a job that crashes its worker every time still
 * reaches max_attempts and goes dead instead of looping forever. `state = 'pending'` is a literal so the
 * partial index over pending jobs applies (jobsCoalesceMigration).
 *
 * One claim per round of up to a few hundred jobs (the worker's batch size), not per job: a claim costs
 * ~250 µs on SQLite whatever its size (statement trace of the ingest bench, 2026-12-02), so claiming 8 at a
 * time spent more on claiming than on the work.
 */
export async function claimJobs(
  db: Kysely<JobsSchema>,
  dialect: Dialect,
  args: { workerId: string; now: Date; leaseMs: number; limit: number; kinds?: readonly string[] },
): Promise<JobsTable[]> {
  const now = args.now.toISOString();
  const lockedUntil = new Date(args.now.getTime() + args.leaseMs).toISOString();
  let due = db
    .selectFrom('jobs')
    .select('id')
    .where(sql<boolean>`state = 'pending'`)
    .where('run_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('run_at')
    .limit(args.limit);
  if (args.kinds && args.kinds.length > 0) due = due.where('kind', 'in', args.kinds);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  const claimed = await db
    .updateTable('jobs')
    .set({
      locked_until: lockedUntil,
      locked_by: args.workerId,
      attempts: sql`attempts + 1`,
      rerun: 0,
      updated_at: now,
    })
    .where('id', 'in', due)
    .returningAll()
    .execute();
  // RETURNING keeps no order on PostgreSQL: due time, then creation (job ids sort by creation).
  return claimed.sort((a, b) => (a.run_at < b.run_at ? -1 : a.run_at > b.run_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The earliest run_at among pending jobs, so an idle worker knows how long it may sleep. */
export async function nextRunAt(db: Kysely<JobsSchema>, kinds?: readonly string[]): Promise<Date | null> {
  let q = db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('run_at').as('next'))
    .where(sql<boolean>`state = 'pending'`);
  if (kinds && kinds.length > 0) q = q.where('kind', 'in', kinds);
  const row = await q.executeTakeFirst();
  return row?.next ? new Date(row.next) : null;
}
