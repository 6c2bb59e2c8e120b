import {
  defineJob,
  enqueue,
  enqueueMany,
  jobsCoalesceMigration,
  jobsMigration,
  openMigratedDatabase,
  silentLogger,
  systemClock,
  Worker,
  type JobsSchema,
} from '@rapport/kit';
import { run, makeWorkerUtils, type Runner } from 'graphile-worker';
import Type from 'typebox';
import { sleep } from '../lib/processes.js';

/**
 * Rapport's job queue beside graphile-worker, on the same PostgreSQL, in the same process shape: N no-op
 * jobs, enqueue → complete, with the worker running while they are enqueued. "Unbatched": one job per
 * statement from 8 concurrent enqueuers; "batched": 500 jobs per statement (kit `enqueueMany`,
 * graphile-worker `addJobs`). jobs/s = N / (time from the first enqueue to the last handler call).
 */
export async function queueRun(opts: { databaseUrl: string; jobs: number }) {
  return {
    rapport: { unbatched: await rapportQueue(opts, false), batched: await rapportQueue(opts, true) },
    graphile: { unbatched: await graphileQueue(opts, false), batched: await graphileQueue(opts, true) },
  };
}

let n = 0;

async function rapportQueue(opts: { databaseUrl: string; jobs: number }, batched: boolean): Promise<number> {
  const database = await openMigratedDatabase<JobsSchema>(
    { name: 'queue', databaseUrl: opts.databaseUrl, schemaPrefix: `bench_${process.pid}_q${++n}_` },
    { '0000_jobs': jobsMigration, '0000b_jobs_coalesce': jobsCoalesceMigration },
  );
  let done = 0;
  const noop = defineJob('bench.noop', Type.Object({ i: Type.Integer() }), async () => {
    done++;
  });
  const worker = new Worker({ database, clock: systemClock, jobs: [noop], context: null, log: silentLogger });
  worker.start();
  try {
    const started = performance.now();
    await produce(opts.jobs, batched, async (from, count) => {
      const now = new Date();
      if (count === 1) await enqueue(database.db, now, { kind: noop.name, payload: { i: from } });
      else
        await enqueueMany(
          database.db,
          'postgres',
          now,
          Array.from({ length: count }, (_, k) => ({ kind: noop.name, payload: { i: from + k } })),
        );
    });
    while (done < opts.jobs) await sleep(5);
    return Math.round(opts.jobs / ((performance.now() - started) / 1000));
  } finally {
    await worker.stop();
    await database.destroyData();
    await database.close();
  }
}

async function graphileQueue(opts: { databaseUrl: string; jobs: number }, batched: boolean): Promise<number> {
  const schema = `bench_${process.pid}_g${++n}_`;
  let done = 0;
  const runner: Runner = await run({
    connectionString: opts.databaseUrl,
    schema,
    concurrency: 10,
    noHandleSignals: true,
    pollInterval: 1000,
    taskList: {
      noop: async () => {
        done++;
      },
    },
    logger: new (await import('graphile-worker')).Logger(() => () => undefined),
  });
  const utils = await makeWorkerUtils({ connectionString: opts.databaseUrl, schema });
  try {
    const started = performance.now();
    await produce(opts.jobs, batched, async (from, count) => {
      if (count === 1) await utils.addJob('noop', { i: from });
      else await utils.addJobs(Array.from({ length: count }, (_, k) => ({ identifier: 'noop', payload: { i: from + k } })));
    });
    while (done < opts.jobs) await sleep(5);
    return Math.round(opts.jobs / ((performance.now() - started) / 1000));
  } finally {
    await runner.stop();
    await utils.withPgClient((c) => c.query(`drop schema if exists "${schema}" cascade`));
    await utils.release();
  }
}

/** 8 producers adding one job a statement, or one producer adding 500 a statement. */
async function produce(total: number, batched: boolean, add: (from: number, count: number) => Promise<void>): Promise<void> {
  if (batched) {
    for (let from = 0; from < total; from += 500) await add(from, Math.min(500, total - from));
    return;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < total; i = next++) await add(i, 1);
    }),
  );
}
