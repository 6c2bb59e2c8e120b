import { sql, type Kysely } from 'kysely';
import type { JobsSchema, JobsTable } from './schema.js';

/**
 * Marks claimed jobs done in one statement, only those this worker still holds. A coalesced job that got
 * more work while it ran (`rerun = 1`) goes back to pending instead, due now, with its attempts reset.
 */
export async function completeJobs(db: Kysely<JobsSchema>, ids: readonly string[], workerId: string, now: Date): Promise<void> {
  if (ids.length === 0) return;
  const at = now.toISOString();
  await db
    .updateTable('jobs')
    .set({
      state: sql`case when rerun = 1 then 'pending' else 'done' end`,
      run_at: sql`case when rerun = 1 then ${at} else run_at end`,
      attempts: sql`case when rerun = 1 then 0 else attempts end`,
      rerun: 0,
      locked_until: null,
      updated_at: at,
      last_error: null,
    })
    .where('id', 'in', ids)
    .where('locked_by', '=', workerId)
    .execute();
}

/** Marks one claimed job done (see completeJobs). */
export async function completeJob(db: Kysely<JobsSchema>, job: JobsTable, workerId: string, now: Date): Promise<void> {
  await completeJobs(db, [job.id], workerId, now);
}

/**
 * Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at 1 h. Full jitter (a random
 * delay in [base/2, base]) spreads retries of many jobs that failed together (a provider outage).
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(3_600_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + (random() * base) / 2);
}

/** Records a failure: retry later with backoff (or at `retryAt`), or dead-letter after max_attempts. */
export async function failJob(
  db: Kysely<JobsSchema>,
  job: JobsTable,
  workerId: string,
  now: Date,
  error: string,
  retryAt?: Date,
): Promise<'retry' | 'dead'> {
  const dead = job.attempts >= job.max_attempts;
  const runAt = retryAt ?? new Date(now.getTime() + backoffMs(job.attempts));
  await db
    .updateTable('jobs')
    .set({
      state: dead ? 'dead' : 'pending',
      run_at: dead ? job.run_at : runAt.toISOString(),
      locked_until: null,
      locked_by: null,
      last_error: error.slice(0, 2000),
      updated_at: now.toISOString(),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .execute();
  return dead ? 'dead' : 'retry';
}

/** Puts a dead-lettered job back in the queue (the dashboard's "replay"). */
export async function replayJob(db: Kysely<JobsSchema>, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ state: 'pending', attempts: 0, run_at: now.toISOString(), locked_until: null, locked_by: null, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Extends the leases of jobs still being worked on, in one statement. */
export async function renewLeases(db: Kysely<JobsSchema>, jobIds: readonly string[], workerId: string, until: Date): Promise<void> {
  if (jobIds.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ locked_until: until.toISOString() })
    .where('id', 'in', jobIds)
    .where('locked_by', '=', workerId)
    .where('locked_until', 'is not', null)
    .execute();
}
