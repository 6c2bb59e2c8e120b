import { sql, type Kysely, type Migration } from 'kysely';

/** Columns of the `jobs` table, shared by every service's database. Times are ISO-8601 UTC text. */
export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  /** When the job may run; a wait of N days is simply a job whose run_at is N days ahead. */
  run_at: string;
  state: 'pending' | 'done' | 'dead';
  attempts: number;
  max_attempts: number;
  locked_until: string | null;
  locked_by: string | null;
  /** Unique: the same cause enqueued twice (a replayed webhook, a retried request) yields one job. */
  dedupe_key: string | null;
  last_error: string | null;
  /**
   * Coalesced jobs only (enqueue `{ coalesce: true }`): 1 when more work arrived while the job ran, so
   * completing it makes it pending again instead of done (see enqueue.ts).
   */
  rerun: number;
  created_at: string;
  updated_at: string;
}

export interface JobsSchema {
  jobs: JobsTable;
}

export const jobsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('run_at', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(10))
      .addColumn('locked_until', 'text')
      .addColumn('locked_by', 'text')
      .addColumn('dedupe_key', 'text', (c) => c.unique())
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // The claim query scans pending jobs in run_at order; this index keeps it O(due jobs).
    await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('jobs').execute();
  },
};

/**
 * The `rerun` flag of coalesced jobs, and a partial index over pending jobs only: done jobs stay in the
 * table (their history, and dedupe keys), and the claim query should not walk them. Claims compare
 * `state` with the literal 'pending' so both dialects can use the partial index.
 */
export const jobsCoalesceMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('jobs')
      .addColumn('rerun', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.dropIndex('jobs_due').execute();
    await db.schema
      .createIndex('jobs_pending')
      .on('jobs')
      .columns(['run_at'])
      .where(sql<boolean>`state = 'pending'`)
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('jobs_pending').execute();
    await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
    await db.schema.alterTable('jobs').dropColumn('rerun').execute();
  },
};
