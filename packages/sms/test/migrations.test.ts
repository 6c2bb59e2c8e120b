import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { jobsCoalesceMigration, jobsMigration, openTestDatabase, steppingMigrator, tableColumns, type Database } from '@rapport/kit';
import { sql, type Kysely } from 'kysely';
import { initialMigration } from '../src/db/migrations/0001_initial.js';
import { smsMigrations } from '../src/db/migrations/index.js';
import type { SmsSchema } from '../src/db/schema.js';

// Upgrading a database from the release that queued one events.process job per event (0002) to today's:
// processing never started anything, and events now start their automations at ingest, so the pending
// jobs go (0004 regrouped them by batch, 0005 removes them), every event stays, and the definition counts
// move into counter shards (0006).

describe('migrations 0003–0006: events no longer wait for an events.process job; counts in shards', () => {
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

  const migrator = () => steppingMigrator(database, smsMigrations);

  test('pending events.process jobs are removed, other jobs and every event stay, counts carried over; down restores them', async () => {
    const db = database.db as unknown as Kysely<unknown>;
    await sql`insert into shops (id, name, timezone, created_at, updated_at) values ('shop_a', 'A', 'UTC', ${at}, ${at})`.execute(db);
    await sql`insert into subscribers (id, shop_id, phone_number, properties, tags, status, time_zones, created_at, updated_at)
      values ('sub_a', 'shop_a', '+12125550100', '{}', '[]', 'subscribed', '[]', ${at}, ${at})`.execute(db);
    await sql`insert into event_definitions (shop_id, name, property_keys, first_seen_at, last_seen_at, event_count)
      values ('shop_a', 'Review Created', '["rating"]', ${at}, '2026-03-02T00:00:00.000Z', 30)`.execute(db);
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

    const up = await migrator().migrateTo('0006_event_definition_counts');
    assert.equal(up.error, undefined);
    assert.deepEqual(
      up.results?.map((r) => [r.migrationName, r.status]),
      [
        ['0003_events_processing', 'Success'],
        ['0004_events_process_by_batch', 'Success'],
        ['0005_events_start_at_ingest', 'Success'],
        ['0006_event_definition_counts', 'Success'],
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
    const counts = await database.db.selectFrom('event_definition_counts').selectAll().execute();
    assert.deepEqual(counts, [
      { shop_id: 'shop_a', name: 'Review Created', shard: 0, event_count: 30, last_seen_at: '2026-03-02T00:00:00.000Z' },
    ]);
    const def = await database.db.selectFrom('event_definitions').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual(def, { shop_id: 'shop_a', name: 'Review Created', property_keys: '["rating"]', first_seen_at: at });

    // Two lanes counted since the upgrade; going down sums them back onto the definition row.
    await sql`insert into event_definition_counts (shop_id, name, shard, event_count, last_seen_at)
      values ('shop_a', 'Review Created', 1, 5, '2026-03-03T00:00:00.000Z')`.execute(db);
    const down = await migrator().migrateDown();
    assert.equal(down.error, undefined);
    const restored = (
      await sql<{ event_count: number; last_seen_at: string }>`select event_count, last_seen_at from event_definitions`.execute(db)
    ).rows[0];
    assert.deepEqual(
      { ...restored, event_count: Number(restored?.event_count) },
      { event_count: 35, last_seen_at: '2026-03-03T00:00:00.000Z' },
    );
  });
});

describe('migration 0007: dashboard accounts; shops get a currency', () => {
  let database: Database<SmsSchema>;
  const at = '2026-03-01T00:00:00.000Z';
  before(async () => {
    const upTo6 = Object.fromEntries(Object.entries(smsMigrations).filter(([name]) => name < '0007'));
    database = await openTestDatabase<SmsSchema>('sms', upTo6);
  });
  after(async () => database.close());

  test('up: existing shops are in USD, the accounts tables exist and tie memberships to shops; down removes them', async () => {
    const db = database.db as unknown as Kysely<unknown>;
    await sql`insert into shops (id, name, timezone, created_at, updated_at) values ('shop_a', 'A', 'UTC', ${at}, ${at})`.execute(db);
    const migrator = steppingMigrator(database, smsMigrations);
    const up = await migrator.migrateTo('0007_accounts');
    assert.equal(up.error, undefined);
    assert.deepEqual(
      up.results?.map((r) => r.migrationName),
      ['0007_accounts'],
    );
    assert.equal((await database.db.selectFrom('shops').select('currency').executeTakeFirstOrThrow()).currency, 'USD');
    await database.db
      .insertInto('users')
      .values({
        id: 'usr_1',
        email: 'a@b.test',
        password_hash: 'x',
        install_owner: 1,
        failed_logins: 0,
        locked_until: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await database.db.insertInto('user_memberships').values({ user_id: 'usr_1', tenant_id: 'shop_a', created_at: at }).execute();
    await assert.rejects(
      database.db.insertInto('user_memberships').values({ user_id: 'usr_1', tenant_id: 'shop_nope', created_at: at }).execute(),
      'a membership names a real shop',
    );
    const down = await migrator.migrateDown();
    assert.equal(down.error, undefined);
    assert.deepEqual([(await tableColumns(database, 'users')).length, (await tableColumns(database, 'sessions')).length], [0, 0]);
    const shopColumns = await tableColumns(database, 'shops');
    assert.ok(shopColumns.length > 0 && !shopColumns.includes('currency'), shopColumns.join(', '));
  });
});

describe("migration 0009: the wait a trigger's fires declare", () => {
  let database: Database<SmsSchema>;
  const at = '2026-03-01T00:00:00.000Z';
  before(async () => {
    const upTo7 = Object.fromEntries(Object.entries(smsMigrations).filter(([name]) => name <= '0007_accounts'));
    database = await openTestDatabase<SmsSchema>('sms', upTo7);
  });
  after(async () => database.close());

  test('up: existing triggers declare nothing (null); down drops the columns', async () => {
    const db = database.db as unknown as Kysely<unknown>;
    await sql`insert into shops (id, name, timezone, currency, created_at, updated_at) values ('shop_a', 'A', 'UTC', 'USD', ${at}, ${at})`.execute(
      db,
    );
    await sql`insert into triggers (id, shop_id, name, tags, transactional_allowed, created_at, updated_at)
      values ('trg_1', 'shop_a', 'Okendo Review Request', '[]', 0, ${at}, ${at})`.execute(db);
    const migrator = steppingMigrator(database, smsMigrations);
    const up = await migrator.migrateTo('0009_trigger_declared_wait');
    assert.equal(up.error, undefined);
    assert.deepEqual(
      await database.db
        .selectFrom('triggers')
        .select(['declared_wait_days', 'declared_wait_after', 'declared_wait_at'])
        .executeTakeFirstOrThrow(),
      { declared_wait_days: null, declared_wait_after: null, declared_wait_at: null },
    );
    const down = await migrator.migrateDown();
    assert.equal(down.error, undefined);
    const columns = await tableColumns(database, 'triggers');
    assert.ok(columns.length > 0 && !columns.some((c) => c.startsWith('declared_wait')), columns.join(', '));
  });
});

describe('migrations 0011–0012: automation flows and short links', () => {
  let database: Database<SmsSchema>;
  before(async () => {
    const upTo10 = Object.fromEntries(Object.entries(smsMigrations).filter(([name]) => name <= '0010_event_triggers'));
    database = await openTestDatabase<SmsSchema>('sms', upTo10);
  });
  after(async () => database.close());

  test('up adds the flow tables, the outbox and carrier media columns and the link tables; down removes each', async () => {
    const migrator = steppingMigrator(database, smsMigrations);
    const tables = ['flows', 'flow_versions', 'flow_runs', 'flow_run_steps', 'flow_run_listeners', 'short_links', 'link_clicks'];
    const present = async () =>
      Object.fromEntries(await Promise.all(tables.map(async (t) => [t, (await tableColumns(database, t)).length > 0])));
    assert.deepEqual(
      Object.values(await present()),
      tables.map(() => false),
    );
    const up = await migrator.migrateTo('0012_short_links');
    assert.equal(up.error, undefined);
    assert.deepEqual(
      Object.values(await present()),
      tables.map(() => true),
    );
    assert.ok((await tableColumns(database, 'outbox_messages')).includes('media_url'));
    assert.ok((await tableColumns(database, 'dev_carrier_messages')).includes('media_url'));
    assert.equal((await migrator.migrateDown()).error, undefined);
    assert.deepEqual(await present(), { ...Object.fromEntries(tables.map((t) => [t, true])), short_links: false, link_clicks: false });
    assert.equal((await migrator.migrateDown()).error, undefined);
    assert.deepEqual(
      Object.values(await present()),
      tables.map(() => false),
    );
    assert.ok(!(await tableColumns(database, 'outbox_messages')).includes('media_url'));
  });
});
