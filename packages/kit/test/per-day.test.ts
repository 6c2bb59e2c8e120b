// Counting per calendar day of a tenant's zone: the hourly path (zones on whole hours) and the CASE path
// (India's +5:30) give each row the day its zone says, on SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely, type Migration } from 'kysely';
import { countPerLocalDay, foldHours, lastLocalDays, openTestDatabase, type Database } from '../src/index.js';

interface Schema {
  things: { id: string; tenant: string; kind: string; created_at: string };
}
const thingsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('things')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};

let database: Database<Schema>;
before(async () => {
  database = await openTestDatabase<Schema>('perday', { '0001_things': thingsMigration });
  const rows: [string, string][] = [
    ['a', '2026-03-10T03:59:59.999Z'], // New York: Mar 9, 23:59 · Kolkata: Mar 10, 09:29
    ['a', '2026-03-10T04:00:00.000Z'], // New York: Mar 10, 00:00
    ['b', '2026-03-10T18:29:00.000Z'], // Kolkata: Mar 10, 23:59
    ['b', '2026-03-10T18:30:00.000Z'], // Kolkata: Mar 11, 00:00
    ['a', '2026-03-11T12:00:00.000Z'],
    ['a', '2026-02-01T00:00:00.000Z'], // before the range
  ];
  await database.db
    .insertInto('things')
    .values(rows.map(([kind, created_at], i) => ({ id: `t${i}`, tenant: 'x', kind, created_at })))
    .execute();
  await database.db.insertInto('things').values({ id: 'other', tenant: 'y', kind: 'a', created_at: '2026-03-11T12:00:00.000Z' }).execute();
});
after(() => database.close());

const count = (timeZone: string) =>
  countPerLocalDay(database.db, {
    table: 'things',
    tenantColumn: 'tenant',
    tenantId: 'x',
    timeColumn: 'created_at',
    key: sql<string>`${sql.ref('kind')}`,
    days: lastLocalDays(new Date('2026-03-11T20:00:00Z'), timeZone, 3),
  });

describe('countPerLocalDay', () => {
  test('New York (whole hours: grouped by hour, folded into days)', async () => {
    assert.deepEqual(await count('America/New_York'), [
      { day: '2026-03-09', key: 'a', count: 1 },
      { day: '2026-03-10', key: 'a', count: 1 },
      { day: '2026-03-10', key: 'b', count: 2 },
      { day: '2026-03-11', key: 'a', count: 1 },
    ]);
  });

  test('Kolkata (+5:30: the CASE of day bounds)', async () => {
    assert.deepEqual(await count('Asia/Kolkata'), [
      { day: '2026-03-10', key: 'a', count: 2 },
      { day: '2026-03-10', key: 'b', count: 1 },
      { day: '2026-03-11', key: 'a', count: 1 },
      { day: '2026-03-11', key: 'b', count: 1 },
    ]);
  });

  test('hours outside every day are dropped; the same day and key add up', () => {
    const days = lastLocalDays(new Date('2026-03-11T20:00:00Z'), 'UTC', 2);
    assert.deepEqual(
      foldHours(
        [
          { hour: '2026-03-09T23', key: 'a', count: 5 },
          { hour: '2026-03-10T00', key: 'a', count: 1 },
          { hour: '2026-03-10T23', key: 'a', count: 2 },
          { hour: '2026-03-11T01', key: 'b', count: 3 },
        ],
        days,
      ),
      [
        { day: '2026-03-10', key: 'a', count: 3 },
        { day: '2026-03-11', key: 'b', count: 3 },
      ],
    );
  });
});
