import { sql, type Kysely, type Transaction } from 'kysely';
import { sortableId } from '../ids.js';
import type { JobsSchema, JobsTable } from './schema.js';
import { insertRows } from '../db/bulk.js';
import type { Dialect } from '../db/open.js';

export interface EnqueueOptions {
  /** Defaults to "now" as given. */
  runAt?: Date;
  dedupeKey?: string;
  maxAttempts?: number;
  /**
   * One job for all the work behind a dedupe key (e.g. "process this shop's new events"): enqueueing
   * again while the job is pending changes nothing; while it runs, marks it to run once more when it
   * finishes (`rerun`), so work committed after its last look is never stranded; once it is done (or
   * dead), makes it pending again. Needs `dedupeKey`.
   */
  coalesce?: boolean;
}

export interface EnqueueInput extends EnqueueOptions {
  kind: string;
  payload: unknown;
}

/**
 * Any service schema that has kit's `jobs` table. Kysely's generics are invariant, so a `Kysely<SmsSchema>`
 * is not a `Kysely<JobsSchema>` to the compiler although every query below is valid on it: this is the one
 * place that widening happens, so callers never cast.
 */
export const jobsDb = <DB extends JobsSchema>(db: DbOf<DB>): Kysely<JobsSchema> => db as unknown as Kysely<JobsSchema>;

/** A connection or an open transaction over a service schema (listed both ways so TypeScript infers `DB` from either). */
export type DbOf<DB> = Kysely<DB> | Transaction<DB>;

/**
 * Adds a job inside the caller's transaction (the transactional outbox: the job exists if and only if
 * the change that caused it committed). A job whose dedupe_key already exists is not added again;
 * the return value says whether this call created it. Prefer a job definition's own `enqueue`, which
 * checks the payload's type.
 */
export async function enqueue<DB extends JobsSchema>(
  db: Kysely<DB>,
  now: Date,
  input: EnqueueInput,
): Promise<{ id: string; created: boolean }> {
  const jobs = jobsDb(db);
  const id = sortableId('job', now);
  const at = now.toISOString();
  const result = await jobs
    .insertInto('jobs')
    .values({
      id,
      kind: input.kind,
      payload: JSON.stringify(input.payload ?? null),
      run_at: (input.runAt ?? now).toISOString(),
      state: 'pending',
      attempts: 0,
      max_attempts: input.maxAttempts ?? 10,
      locked_until: null,
      locked_by: null,
      dedupe_key: input.dedupeKey ?? null,
      last_error: null,
      rerun: 0,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      input.coalesce && input.dedupeKey
        ? oc.column('dedupe_key').doUpdateSet({
            // Running (a lease is held): run once more when done. Done or dead: pending again, due now.
            rerun: sql`case when jobs.state = 'pending' and jobs.locked_until is not null then 1 else jobs.rerun end`,
            run_at: sql`case when jobs.state = 'pending' then jobs.run_at else excluded.run_at end`,
            attempts: sql`case when jobs.state = 'pending' then jobs.attempts else 0 end`,
            state: sql`case when jobs.state = 'pending' then jobs.state else 'pending' end`,
            updated_at: at,
          })
        : oc.column('dedupe_key').doNothing(),
    )
    .executeTakeFirst();
  const created = Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 && !input.coalesce;
  if (created || !input.dedupeKey) return { id, created };
  const existing = await jobs.selectFrom('jobs').select('id').where('dedupe_key', '=', input.dedupeKey).executeTakeFirstOrThrow();
  return { id: existing.id, created: existing.id === id };
}

/** Cancels a pending job by dedupe key (e.g. a review request whose order was refunded). */
export async function cancelJob<DB extends JobsSchema>(db: DbOf<DB>, now: Date, dedupeKey: string): Promise<boolean> {
  const r = await jobsDb(db)
    .updateTable('jobs')
    .set({ state: 'done', last_error: 'cancelled', updated_at: now.toISOString() })
    .where('dedupe_key', '=', dedupeKey)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Adds many jobs in one statement (a multi-row INSERT; jobs whose dedupe_key exists are skipped): for
 * callers that enqueue a batch at once (a campaign's sends, a bulk import), inside their transaction.
 */
export async function enqueueMany<DB extends JobsSchema>(
  db: DbOf<DB>,
  dialect: Dialect,
  now: Date,
  inputs: readonly EnqueueInput[],
): Promise<void> {
  if (inputs.length === 0) return;
  const at = now.toISOString();
  const rows: JobsTable[] = inputs.map((input) => ({
    id: sortableId('job', now),
    kind: input.kind,
    payload: JSON.stringify(input.payload ?? null),
    run_at: (input.runAt ?? now).toISOString(),
    state: 'pending',
    attempts: 0,
    max_attempts: input.maxAttempts ?? 10,
    locked_until: null,
    locked_by: null,
    dedupe_key: input.dedupeKey ?? null,
    last_error: null,
    rerun: 0,
    created_at: at,
    updated_at: at,
  }));
  await insertRows(jobsDb(db), dialect, 'jobs', JOB_COLUMNS, rows, { onConflictDoNothing: ['dedupe_key'] });
}

const JOB_COLUMNS = [
  'id',
  'kind',
  'payload',
  'run_at',
  'state',
  'attempts',
  'max_attempts',
  'locked_until',
  'locked_by',
  'dedupe_key',
  'last_error',
  'rerun',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof JobsTable)[];
