import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely, Migration } from 'kysely';
import Type from 'typebox';
import {
  DevClock,
  Worker,
  defineJob,
  jobsMigration,
  jobsCoalesceMigration,
  openTestDatabase,
  orderedOutbox,
  silentLogger,
  type Database,
  type JobsSchema,
  type OrderedOutbox,
} from '../src/index.js';

/** A minimal table with the columns the ordered outbox needs, plus what the "service" sends. */
interface CallsTable {
  id: string;
  queue_key: string;
  seq: number;
  state: 'pending' | 'delivered' | 'failed';
  replays: number;
  body: string;
  created_at: string;
  updated_at: string;
}
interface Schema extends JobsSchema {
  calls: CallsTable;
}

const callsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('calls')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('queue_key', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('replays', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};

interface Ctx {
  db: Kysely<Schema>;
  sent: string[];
  /** Bodies that fail on their next attempt (then succeed), or fail for good when marked 'always'. */
  failures: Map<string, 'once' | 'always'>;
}

const deliver = defineJob('calls.deliver', Type.Object({ outbox_id: Type.String() }), async (ctx: Ctx, p, job): Promise<void> => {
  const row = await ctx.db.selectFrom('calls').selectAll().where('id', '=', p.outbox_id).executeTakeFirstOrThrow();
  if (row.state !== 'pending') return;
  if (await queue.olderPending(ctx.db, row.queue_key, row)) throw new Error('an older call is pending');
  const failure = ctx.failures.get(row.body);
  if (failure === 'always') return queue.settle(ctx.db, job.now, row.queue_key, row.id, { state: 'failed' });
  if (failure === 'once') {
    ctx.failures.delete(row.body);
    throw new Error('the far side is down');
  }
  ctx.sent.push(row.body);
  await queue.settle(ctx.db, job.now, row.queue_key, row.id, { state: 'delivered' });
});
const queue: OrderedOutbox = orderedOutbox({ table: 'calls', keyColumn: 'queue_key', job: deliver, maxAttempts: 5 });

let database: Database<Schema>;
const clock = new DevClock(new Date('2026-01-05T10:00:00Z'), { frozen: true });
const ctx: Ctx = { db: undefined as unknown as Kysely<Schema>, sent: [], failures: new Map() };
let worker: Worker<Ctx>;
let n = 0;

before(async () => {
  database = await openTestDatabase<Schema>('outbox', {
    '0000_jobs': jobsMigration,
    '0000b_jobs_coalesce': jobsCoalesceMigration,
    '0001_calls': callsMigration,
  });
  ctx.db = database.db;
  worker = new Worker({ database, clock, log: silentLogger, context: ctx, jobs: [deliver] });
});
after(async () => database.close());

/** Writes calls for a key in one transaction, as a service writes its outbox beside the change that causes it. */
async function write(key: string, bodies: string[]): Promise<string[]> {
  return database.db.transaction().execute(async (trx) => {
    const at = clock.now().toISOString();
    const ids = bodies.map(() => `call_${String(++n).padStart(4, '0')}`);
    await trx
      .insertInto('calls')
      .values(
        bodies.map((body, seq) => ({
          id: ids[seq]!,
          queue_key: key,
          seq,
          state: 'pending' as const,
          replays: 0,
          body,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    await queue.enqueueHead(trx, clock.now(), key);
    return ids;
  });
}

async function drain(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await worker.runDue();
    clock.advance(60_000);
  }
}

describe('kit ordered outbox: one queue per key', () => {
  test('each key delivers in the order written, and only the head of a queue ever has a job', async () => {
    ctx.sent.length = 0;
    await write('a', ['a1', 'a2', 'a3']);
    await write('b', ['b1', 'b2']);
    const jobs = await database.db.selectFrom('jobs').select('dedupe_key').where('state', '=', 'pending').execute();
    assert.equal(jobs.length, 2, 'one job per key');
    await drain();
    assert.deepEqual(
      ctx.sent.filter((s) => s.startsWith('a')),
      ['a1', 'a2', 'a3'],
    );
    assert.deepEqual(
      ctx.sent.filter((s) => s.startsWith('b')),
      ['b1', 'b2'],
    );
  });

  test('a failing head holds its queue (retried with backoff) without holding other keys', async () => {
    ctx.sent.length = 0;
    ctx.failures.set('c1', 'once');
    await write('c', ['c1', 'c2']);
    await write('d', ['d1']);
    await worker.runDue();
    assert.deepEqual(ctx.sent, ['d1'], 'c1 failed; c2 waits behind it; d is not held');
    await drain();
    assert.deepEqual(ctx.sent, ['d1', 'c1', 'c2']);
  });

  test('a call settled as failed hands the queue on, and a replay puts it back in its place once', async () => {
    ctx.sent.length = 0;
    ctx.failures.set('e1', 'always');
    const [e1] = await write('e', ['e1', 'e2']);
    await drain();
    assert.deepEqual(ctx.sent, ['e2']);
    const failed = await database.db.selectFrom('calls').selectAll().where('id', '=', e1!).executeTakeFirstOrThrow();
    assert.equal(failed.state, 'failed');
    ctx.failures.delete('e1');
    assert.equal(await queue.replay(database.db, clock.now(), 'e', failed, {}), true);
    assert.equal(await queue.replay(database.db, clock.now(), 'e', failed, {}), false, 'no longer failed: a second replay does nothing');
    await drain();
    assert.deepEqual(ctx.sent, ['e2', 'e1']);
    const replayed = await database.db.selectFrom('calls').selectAll().where('id', '=', e1!).executeTakeFirstOrThrow();
    assert.deepEqual([replayed.state, replayed.replays], ['delivered', 1]);
  });
});
