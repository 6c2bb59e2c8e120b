import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import {
  DevClock,
  Worker,
  RetryLater,
  PermanentFailure,
  enqueue,
  cancelJob,
  claimJobs,
  replayJob,
  jobsMigration,
  jobsCoalesceMigration,
  openTestDatabase,
  silentLogger,
  backoffMs,
  defineBatchJob,
  defineJob,
  type Database,
  type JobContext,
  type JobsSchema,
} from '../src/index.js';
import { Type } from 'typebox';

let database: Database<JobsSchema>;
let db: Kysely<JobsSchema>;
const clock = new DevClock(new Date('2026-01-05T10:00:00Z'), { frozen: true });

before(async () => {
  database = await openTestDatabase<JobsSchema>('kit', { '0000_jobs': jobsMigration, '0000b_jobs_coalesce': jobsCoalesceMigration });
  db = database.db;
});
after(async () => database.close());

type Handler = (payload: never, job: JobContext) => Promise<void>;

/** Job definitions with an open payload schema, one per kind, from a handler table. */
function definitions(handlers: Record<string, Handler>) {
  return Object.entries(handlers).map(([kind, handle]) => defineJob(kind, Type.Unknown(), (_ctx: null, p, job) => handle(p as never, job)));
}

function worker(handlers: Record<string, Handler>) {
  return new Worker({ database, clock, jobs: definitions(handlers), context: null, log: silentLogger, batchSize: 4 });
}

describe('durable jobs', () => {
  test('a job with a future run_at waits until the clock reaches it (days in milliseconds)', async () => {
    const ran: string[] = [];
    await enqueue(db, clock.now(), { kind: 'wait.demo', payload: { n: 1 }, runAt: new Date(clock.now().getTime() + 3 * 86_400_000) });
    const w = worker({
      'wait.demo': async (p: { n: number }) => {
        ran.push(`n${p.n}`);
      },
    });
    assert.equal(await w.runDue(), 0);
    clock.advance(3 * 86_400_000 - 1);
    assert.equal(await w.runDue(), 0);
    clock.advance(1);
    assert.equal(await w.runDue(), 1);
    assert.deepEqual(ran, ['n1']);
  });

  test('the same dedupe key enqueued twice yields one job', async () => {
    const a = await enqueue(db, clock.now(), { kind: 'dup.demo', payload: 1, dedupeKey: 'order-1:request' });
    const b = await enqueue(db, clock.now(), { kind: 'dup.demo', payload: 2, dedupeKey: 'order-1:request' });
    assert.equal(a.created, true);
    assert.equal(b.created, false);
    assert.equal(b.id, a.id);
    let count = 0;
    await worker({
      'dup.demo': async () => {
        count++;
      },
    }).runDue();
    assert.equal(count, 1);
  });

  test('an enqueue inside a rolled-back transaction leaves no job', async () => {
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await enqueue(trx, clock.now(), { kind: 'tx.demo', payload: null, dedupeKey: 'tx-1' });
        throw new Error('boom');
      }),
    );
    const rows = await db.selectFrom('jobs').selectAll().where('dedupe_key', '=', 'tx-1').execute();
    assert.equal(rows.length, 0);
  });

  test('a failing job is retried with backoff, then dead-lettered, then replayed', async () => {
    let calls = 0;
    await enqueue(db, clock.now(), { kind: 'fail.demo', payload: null, maxAttempts: 2, dedupeKey: 'fail-1' });
    const w = worker({
      'fail.demo': async () => {
        calls++;
        if (calls < 3) throw new Error('provider down');
      },
    });
    await w.runDue();
    assert.equal(calls, 1);
    let row = await db.selectFrom('jobs').selectAll().where('dedupe_key', '=', 'fail-1').executeTakeFirstOrThrow();
    assert.equal(row.state, 'pending');
    assert.equal(row.last_error, 'provider down');
    clock.advance(3_600_000);
    await w.runDue();
    row = await db.selectFrom('jobs').selectAll().where('dedupe_key', '=', 'fail-1').executeTakeFirstOrThrow();
    assert.equal(row.state, 'dead');
    assert.equal(await replayJob(db, row.id, clock.now()), true);
    await w.runDue();
    row = await db.selectFrom('jobs').selectAll().where('dedupe_key', '=', 'fail-1').executeTakeFirstOrThrow();
    assert.equal(row.state, 'done');
    assert.equal(calls, 3);
  });

  test('RetryLater reschedules at the given instant; PermanentFailure dead-letters at once', async () => {
    const later = new Date(clock.now().getTime() + 60_000);
    let n = 0;
    await enqueue(db, clock.now(), { kind: 'later.demo', payload: null, dedupeKey: 'later-1' });
    await enqueue(db, clock.now(), { kind: 'perm.demo', payload: null, dedupeKey: 'perm-1' });
    const w = worker({
      'later.demo': async () => {
        n++;
        if (n === 1) throw new RetryLater(later);
      },
      'perm.demo': async () => {
        throw new PermanentFailure('bad payload');
      },
    });
    await w.runDue();
    const l = await db.selectFrom('jobs').selectAll().where('dedupe_key', '=', 'later-1').executeTakeFirstOrThrow();
    assert.equal(l.run_at, later.toISOString());
    const p = await db.selectFrom('jobs').selectAll().where('dedupe_key', '=', 'perm-1').executeTakeFirstOrThrow();
    assert.equal(p.state, 'dead');
    clock.set(later);
    await w.runDue();
    assert.equal(n, 2);
  });

  test('a lease held by a crashed worker expires and another worker takes the job', async () => {
    await enqueue(db, clock.now(), { kind: 'lease.demo', payload: null, dedupeKey: 'lease-1' });
    const claimed = await claimJobs(db, database.dialect, {
      workerId: 'crashed',
      now: clock.now(),
      leaseMs: 30_000,
      limit: 10,
      kinds: ['lease.demo'],
    });
    assert.equal(claimed.length, 1);
    let ran = 0;
    const w = worker({
      'lease.demo': async () => {
        ran++;
      },
    });
    assert.equal(await w.runDue(), 0, 'leased job is not claimed twice');
    clock.advance(30_001);
    assert.equal(await w.runDue(), 1);
    assert.equal(ran, 1);
  });

  test('cancelJob stops a pending wait', async () => {
    await enqueue(db, clock.now(), {
      kind: 'cancel.demo',
      payload: null,
      runAt: new Date(clock.now().getTime() + 1000),
      dedupeKey: 'cancel-1',
    });
    assert.equal(await cancelJob(db, clock.now(), 'cancel-1'), true);
    clock.advance(2000);
    let ran = 0;
    await worker({
      'cancel.demo': async () => {
        ran++;
      },
    }).runDue();
    assert.equal(ran, 0);
  });

  test('the background loop wakes when the clock advances', async () => {
    const done = new Promise<void>((resolve) => {
      const w = worker({
        'loop.demo': async () => {
          resolve();
          await Promise.resolve();
          setImmediate(() => void w.stop());
        },
      });
      void enqueue(db, clock.now(), { kind: 'loop.demo', payload: null, runAt: new Date(clock.now().getTime() + 86_400_000) }).then(() => {
        w.start();
        setTimeout(() => clock.advance(86_400_000), 20);
      });
    });
    await done;
  });

  test('an idle worker wakes for new work at once (PostgreSQL: LISTEN/NOTIFY; SQLite: in-process wake)', async () => {
    const started = performance.now();
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const w = new Worker({
      database,
      clock,
      log: silentLogger,
      idlePollMs: 60_000,
      context: null,
      jobs: definitions({ 'wake.demo': async () => resolve() }),
    });
    w.start();
    await new Promise((r) => setTimeout(r, 100));
    await enqueue(db, clock.now(), { kind: 'wake.demo', payload: null });
    if (database.dialect === 'sqlite') w.wake();
    await done;
    await w.stop();
    assert.ok(performance.now() - started < 30_000, 'woken long before the 60 s idle poll');
  });

  test('a job definition types its payload and checks it when claimed: a payload that does not match dead-letters, naming the field', async () => {
    const seen: string[] = [];
    const greet = defineJob('greet.demo', Type.Object({ name: Type.String() }), async (ctx: { seen: string[] }, p) => {
      ctx.seen.push(p.name);
    });
    await greet.enqueue(db, clock.now(), { name: 'Ada' }, { dedupeKey: 'greet-ok' });
    // A row written by hand (an older version of the code, a manual replay): not what the schema says.
    await enqueue(db, clock.now(), { kind: 'greet.demo', payload: { name: 42 }, dedupeKey: 'greet-bad' });
    const w = new Worker({ database, clock, jobs: [greet], context: { seen }, log: silentLogger });
    await w.runDue();
    assert.deepEqual(seen, ['Ada']);
    const bad = await db.selectFrom('jobs').selectAll().where('dedupe_key', '=', 'greet-bad').executeTakeFirstOrThrow();
    assert.equal(bad.state, 'dead');
    assert.match(bad.last_error ?? '', /\/name/);
    assert.throws(() => new Worker({ database, clock, jobs: [greet, greet], context: { seen }, log: silentLogger }), /declared twice/);
  });

  test('a coalesced job: enqueued while pending changes nothing, while running runs once more, once done becomes pending again', async () => {
    let runs = 0;
    let enqueueDuringRun = true;
    const work = defineJob('coalesce.demo', Type.Object({ shop: Type.String() }), async (_ctx: null, p) => {
      runs++;
      if (enqueueDuringRun) {
        enqueueDuringRun = false;
        await work.enqueue(db, clock.now(), p, { dedupeKey: 'coalesce:s1', coalesce: true });
      }
    });
    const w = new Worker({ database, clock, jobs: [work], context: null, log: silentLogger });
    await work.enqueue(db, clock.now(), { shop: 's1' }, { dedupeKey: 'coalesce:s1', coalesce: true });
    await work.enqueue(db, clock.now(), { shop: 's1' }, { dedupeKey: 'coalesce:s1', coalesce: true });
    const rows = () => db.selectFrom('jobs').selectAll().where('dedupe_key', '=', 'coalesce:s1').execute();
    assert.equal((await rows()).length, 1);
    await w.runDue();
    assert.equal(runs, 2, 'work that arrived during the run made it run once more');
    assert.equal((await rows())[0]?.state, 'done');
    await work.enqueue(db, clock.now(), { shop: 's1' }, { dedupeKey: 'coalesce:s1', coalesce: true });
    assert.equal((await rows())[0]?.state, 'pending');
    await w.runDue();
    assert.equal(runs, 3);
  });

  test('a batch job kind gets every claimed job of its kind at once; each outcome settles its own job', async () => {
    const batches: number[][] = [];
    const many = defineBatchJob('batch.demo', Type.Object({ n: Type.Integer() }), async (_ctx: null, items) => {
      batches.push(items.map((i) => i.payload.n));
      return items.map((i) =>
        i.payload.n === 3 ? { ok: false as const, error: new PermanentFailure('three is refused') } : { ok: true as const },
      );
    });
    for (let n = 1; n <= 5; n++) await many.enqueue(db, clock.now(), { n }, { dedupeKey: `batch-${n}` });
    await new Worker({ database, clock, jobs: [many], context: null, log: silentLogger }).runDue();
    assert.deepEqual(batches, [[1, 2, 3, 4, 5]]);
    const states = await db
      .selectFrom('jobs')
      .select(['dedupe_key', 'state'])
      .where('kind', '=', 'batch.demo')
      .orderBy('dedupe_key')
      .execute();
    assert.deepEqual(
      states.map((r) => r.state),
      ['done', 'done', 'dead', 'done', 'done'],
    );
  });

  test('wake-ups in a stream are gathered: rounds are spaced by roundSpacingMs, so jobs enqueued meanwhile share one claim', async () => {
    // Six jobs enqueued 20 ms apart, each followed by a wake (as an ingest batch or a trigger fire does).
    // Unspaced, every wake would run a round of one job; spaced by 200 ms, the first runs at once (a wake
    // after a quiet spell) and the other five wait for the next round together.
    const batches: number[][] = [];
    const stream = defineBatchJob('stream.demo', Type.Object({ n: Type.Integer() }), async (_ctx: null, items) => {
      batches.push(items.map((i) => i.payload.n));
      return items.map(() => ({ ok: true as const }));
    });
    const w = new Worker({ database, clock, jobs: [stream], context: null, log: silentLogger, roundSpacingMs: 200 });
    w.start();
    try {
      // Idle for longer than the spacing first: its first look found nothing, so the next wake is after a quiet spell.
      await new Promise((resolve) => setTimeout(resolve, 250));
      for (let n = 1; n <= 6; n++) {
        await stream.enqueue(db, clock.now(), { n }, { dedupeKey: `stream-${n}` });
        w.wake();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (let i = 0; i < 200 && batches.flat().length < 6; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await w.stop();
    }
    assert.deepEqual(batches.flat().sort(), [1, 2, 3, 4, 5, 6], 'every job ran once');
    assert.deepEqual(batches[0], [1], 'the first wake ran at once');
    assert.ok(batches.length < 6 && (batches[1]?.length ?? 0) > 1, `jobs gathered into few rounds, got ${JSON.stringify(batches)}`);
  });

  test('backoff grows exponentially with jitter and is capped at an hour', () => {
    assert.equal(
      backoffMs(1, () => 1),
      1000,
    );
    assert.equal(
      backoffMs(1, () => 0),
      500,
    );
    assert.equal(
      backoffMs(4, () => 1),
      8000,
    );
    assert.equal(
      backoffMs(40, () => 1),
      3_600_000,
    );
  });
});
