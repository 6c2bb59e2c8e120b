import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { jobsCoalesceMigration, jobsMigration, openTestDatabase, type Database, type JobsSchema } from '../src/index.js';

// A worker sharing a process with an API gets connections of its own (PostgreSQL), so its statements do
// not queue in the pool behind request transactions (docs/performance.md, "Trigger fire → text").

describe('a database on connections of its own', () => {
  let database: Database<JobsSchema>;
  before(async () => {
    database = await openTestDatabase<JobsSchema>('own', { '0000_jobs': jobsMigration, '0001_jobs_coalesce': jobsCoalesceMigration });
  });
  after(() => database.close());

  test('sees the same data, on other connections (PostgreSQL) or the same handle (SQLite); closing it leaves the original open', async () => {
    const own = await database.withOwnConnections(2);
    if (database.dialect === 'postgres') {
      // Every connection of the original pool (openTestDatabase opens 4) held by a transaction: the own
      // pool must still answer. Were it the same pool, the query would wait for a free connection.
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started = 0;
      const holders = Array.from({ length: 4 }, () =>
        database.db.transaction().execute(async (trx) => {
          await sql`select 1`.execute(trx);
          started++;
          await gate;
        }),
      );
      while (started < 4) await new Promise((resolve) => setTimeout(resolve, 5));
      const answered = await Promise.race([
        sql<{ one: number }>`select 1 as one`.execute(own.db).then(() => 'answered'),
        new Promise((resolve) => setTimeout(() => resolve('still waiting for a connection after 2 s'), 2000)),
      ]);
      release();
      await Promise.all(holders);
      assert.equal(answered, 'answered');
    } else {
      assert.equal(own.db, database.db, 'SQLite has one writer: the same handle');
    }
    await sql`insert into jobs (id, kind, payload, run_at, state, attempts, max_attempts, rerun, created_at, updated_at)
      values ('job_own', 'k', '{}', '2026-01-01T00:00:00.000Z', 'pending', 0, 1, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(
      own.db,
    );
    await own.close();
    const row = await database.db.selectFrom('jobs').select('id').where('id', '=', 'job_own').executeTakeFirst();
    assert.deepEqual(row, { id: 'job_own' }, 'written through the own connections, read through the original, which is still open');
  });
});
