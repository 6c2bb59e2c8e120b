import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DevClock,
  jobsCoalesceMigration,
  jobsMigration,
  loadConfig,
  openTestDatabase,
  silentLogger,
  Worker,
  type Database,
} from '@rapport/kit';
import { Migrator, sql, type Kysely } from 'kysely';
import { DEV_SENDER_NUMBER, type SmsContext } from '../src/context.js';
import { initialMigration } from '../src/db/migrations/0001_initial.js';
import { smsMigrations } from '../src/db/migrations/index.js';
import type { SmsSchema } from '../src/db/schema.js';
import { SMS_JOBS } from '../src/jobs.js';
import { createDevCarrier } from '../src/providers/dev-carrier.js';

// Events stored by a release that marked them `processed_at` one by one, with one events.process job per
// event, must all still be processed once after upgrading to jobs that carry their events' ids.

describe('migrations 0003–0004: events waiting for processing survive the change of how they are queued', () => {
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

  test('unprocessed events of subscribers become jobs carrying their ids (256 at most); the rest need none', async () => {
    const db = database.db as unknown as Kysely<unknown>;
    await sql`insert into shops (id, name, timezone, created_at, updated_at) values ('shop_a', 'A', 'UTC', ${at}, ${at})`.execute(db);
    await sql`insert into subscribers (id, shop_id, phone_number, properties, tags, status, time_zones, created_at, updated_at)
      values ('sub_a', 'shop_a', '+12125550100', '{}', '[]', 'subscribed', '[]', ${at}, ${at})`.execute(db);
    const event = (id: string, subscriber: string | null, processedAt: string | null) =>
      sql`insert into events (id, shop_id, type, subscriber_id, properties, occurred_at, processed_at, created_at)
        values (${id}, 'shop_a', 'Review Created', ${subscriber}, '{}', ${at}, ${processedAt}, ${at})`.execute(db);
    const waiting = Array.from({ length: 300 }, (_, i) => `ev_${String(i).padStart(4, '0')}`);
    for (const id of waiting) {
      await event(id, 'sub_a', null);
      await sql`insert into jobs (id, kind, payload, run_at, state, attempts, max_attempts, dedupe_key, rerun, created_at, updated_at)
        values (${`job_${id}`}, 'events.process', ${JSON.stringify({ eventId: id })}, ${at}, 'pending', 0, 10, ${`events.process:${id}`}, 0, ${at}, ${at})`.execute(
        db,
      );
    }
    await event('ev_done', 'sub_a', at);
    await event('ev_nobody', null, null);

    const up = await migrator().migrateToLatest();
    assert.equal(up.error, undefined);
    assert.deepEqual(
      up.results?.map((r) => [r.migrationName, r.status]),
      [
        ['0003_events_processing', 'Success'],
        ['0004_events_process_by_batch', 'Success'],
      ],
    );
    const jobs = await database.db.selectFrom('jobs').selectAll().where('kind', '=', 'events.process').orderBy('id').execute();
    const payloads = jobs.map((j) => JSON.parse(j.payload) as { shopId: string; eventIds: string[] });
    assert.deepEqual(
      payloads.map((p) => [p.shopId, p.eventIds.length]),
      [
        ['shop_a', 256],
        ['shop_a', 44],
      ],
    );
    assert.deepEqual(
      payloads.flatMap((p) => p.eventIds),
      waiting,
      'every waiting event, once, oldest first; none already processed or for nobody',
    );
    const row = await database.db.selectFrom('events').selectAll().where('id', '=', 'ev_done').executeTakeFirstOrThrow();
    assert.ok(!('processed_at' in row), 'the column is gone');

    // The migrated jobs match the job's payload schema and run to completion.
    const clock = new DevClock(new Date(at));
    const ctx: SmsContext = {
      database,
      db: database.db,
      clock,
      log: silentLogger,
      config: { ...loadConfig({}), dev: true },
      provider: createDevCarrier(database, clock, DEV_SENDER_NUMBER),
      senderNumber: DEV_SENDER_NUMBER,
      wake: () => undefined,
    };
    const worker = new Worker({ database, clock, log: silentLogger, context: ctx, jobs: SMS_JOBS });
    assert.equal(await worker.runDue(), 2);
    const states = await database.db.selectFrom('jobs').select('state').where('kind', '=', 'events.process').execute();
    assert.deepEqual(new Set(states.map((s) => s.state)), new Set(['done']));

    const down = await migrator().migrateDown();
    assert.equal(down.error, undefined);
    const restored = await database.db.selectFrom('events').selectAll().where('id', '=', 'ev_done').executeTakeFirstOrThrow();
    assert.ok('processed_at' in restored, 'down restores the column');
  });
});
