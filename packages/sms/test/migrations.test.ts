import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { jobsCoalesceMigration, jobsMigration, openTestDatabase, type Database } from '@rapport/kit';
import { Migrator, sql, type Kysely } from 'kysely';
import { initialMigration } from '../src/db/migrations/0001_initial.js';
import { smsMigrations } from '../src/db/migrations/index.js';
import type { SmsSchema } from '../src/db/schema.js';

// Events stored by releases that marked them `processed_at` (first one events.process job per event, then one
// per shop): processing never started anything, and events now start their automations at ingest, so the
// pending jobs go and so does the column.

describe('migrations 0003–0004: events no longer wait for an events.process job', () => {
  let database: Database<SmsSchema>;
  const at = '2026-03-01T00:00:00.000Z';
  before(async () => {
    database = await openTestDatabase<SmsSchema>('sms', {
      '0000_jobs': jobsMigration,
      '0001_initial': initialMigration,
      '0002_jobs_coalesce': jobsCoalesceMigration,
    });
  });
  after(async () => database.close());

  const migrator = () =>
    new Migrator({
      db: database.db as Kysely<unknown>,
      provider: { getMigrations: async () => smsMigrations },
      ...(database.schema ? { migrationTableSchema: database.schema } : {}),
    });

  test('pending events.process jobs are removed, other jobs and every event stay; down restores the column', async () => {
    const db = database.db as unknown as Kysely<unknown>;
    await sql`insert into shops (id, name, timezone, created_at, updated_at) values ('shop_a', 'A', 'UTC', ${at}, ${at})`.execute(db);
    await sql`insert into subscribers (id, shop_id, phone_number, properties, tags, status, time_zones, created_at, updated_at)
      values ('sub_a', 'shop_a', '+12125550100', '{}', '[]', 'subscribed', '[]', ${at}, ${at})`.execute(db);
    const job = (id: string, kind: string, payload: unknown) =>
      sql`insert into jobs (id, kind, payload, run_at, state, attempts, max_attempts, rerun, created_at, updated_at)
        values (${id}, ${kind}, ${JSON.stringify(payload)}, ${at}, 'pending', 0, 10, 0, ${at}, ${at})`.execute(db);
    const waiting = Array.from({ length: 30 }, (_, i) => `ev_${String(i).padStart(4, '0')}`);
    for (const id of waiting) {
      await sql`insert into events (id, shop_id, type, subscriber_id, properties, occurred_at, processed_at, created_at)
        values (${id}, 'shop_a', 'Review Created', 'sub_a', '{}', ${at}, null, ${at})`.execute(db);
      await job(`job_${id}`, 'events.process', { eventId: id });
    }
    await job('job_send', 'sms.send', { outboxId: 'ob_1' });

    const up = await migrator().migrateToLatest();
    assert.equal(up.error, undefined);
    assert.deepEqual(
      up.results?.map((r) => [r.migrationName, r.status]),
      [
        ['0003_events_processing', 'Success'],
        ['0004_events_processed_at_ingest', 'Success'],
      ],
    );
    const jobs = await database.db.selectFrom('jobs').select(['id', 'kind', 'state']).where('state', '=', 'pending').execute();
    assert.deepEqual(jobs, [{ id: 'job_send', kind: 'sms.send', state: 'pending' }], 'only the events.process jobs went');
    const events = await database.db.selectFrom('events').selectAll().orderBy('id').execute();
    assert.deepEqual(
      events.map((e) => e.id),
      waiting,
    );
    assert.ok(!('processed_at' in events[0]!), 'the column is gone');

    const down = await migrator().migrateDown();
    assert.equal(down.error, undefined);
    const restored = await database.db.selectFrom('events').selectAll().where('id', '=', waiting[0]!).executeTakeFirstOrThrow();
    assert.equal((restored as unknown as { processed_at: string }).processed_at, at, 'down restores the column, every event processed');
  });
});
