import { insertRows, sortableId } from '@rapport/kit';
import type { SmsDatabase } from '@rapport/sms';
import { sql } from 'kysely';
import { NOON_IN_NEW_YORK } from '../lib/clock.js';
import { spawnReady, sleep, stop } from '../lib/processes.js';
import { openBenchDatabase, seedSubscribers } from '../lib/seed.js';
import { benchStorage, type BenchStorage } from '../lib/storage.js';

/**
 * `runs` flow runs coming due at once: a published flow (wait 1 minute → text), every run waiting in its
 * delay with its `sms.flow.move` job due — as a burst of events an hour ago leaves them — released by one
 * worker process. Measured: runs moved on per second (each move writes its step, its outbox row and the
 * text's send job, and ends the run), and, separately, when the last text was accepted by the dev carrier.
 */
export async function releaseRun(opts: { databaseUrl: string | undefined; runs: number }) {
  const storage = benchStorage(opts.databaseUrl);
  await seed(storage, opts.runs);
  const worker = await spawnReady<{ pid: number }>('bench/drain-worker.ts', [], storage.env);
  const database = await openBenchDatabase(storage);
  try {
    const started = performance.now();
    worker.child.kill('SIGUSR2');
    let moved = 0;
    let sent = 0;
    let movedAtS = Number.NaN;
    while (sent < opts.runs && performance.now() - started < 600_000) {
      await sleep(250);
      if (moved < opts.runs) {
        const r = await sql<{ n: number }>`select count(*) as n from flow_runs where status = 'completed'`.execute(database.db);
        moved = Number(r.rows[0]?.n ?? 0);
        if (moved >= opts.runs) movedAtS = (performance.now() - started) / 1000;
      }
      const s = await sql<{ n: number }>`select count(*) as n from outbox_messages where status = 'sent'`.execute(database.db);
      sent = Number(s.rows[0]?.n ?? 0);
    }
    const sentAtS = (performance.now() - started) / 1000;
    return {
      runs: opts.runs,
      moved,
      sent,
      movedSeconds: movedAtS,
      runsPerSecond: Math.round(moved / movedAtS),
      sentSeconds: sentAtS,
      textsPerSecond: Math.round(sent / sentAtS),
    };
  } finally {
    await stop(worker.child);
    await database.close();
  }
}

const GRAPH = {
  version: 1,
  trigger: { kind: 'event', event_type: 'Okendo Loyalty Points Awarded' },
  reentry: { mode: 'every_time' },
  start: 'wait',
  nodes: [
    { id: 'wait', type: 'delay', duration: { minutes: 1 }, next: 'say' },
    { id: 'say', type: 'message', body: 'You earned {Points Earned} points. Reply STOP to opt out', next: null },
  ],
};

const FLOW_ID = 'flow_bench_release';

async function seed(storage: BenchStorage, runs: number): Promise<void> {
  const at = NOON_IN_NEW_YORK.toISOString();
  const flow = async (database: SmsDatabase, shopId: string) => {
    await database.db
      .insertInto('flows')
      .values({
        id: FLOW_ID,
        shop_id: shopId,
        name: 'Release bench',
        status: 'live',
        trigger_id: null,
        published_version: 1,
        draft: JSON.stringify(GRAPH),
        deleted_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await database.db
      .insertInto('flow_versions')
      .values({ flow_id: FLOW_ID, version: 1, graph: JSON.stringify(GRAPH), published_at: at })
      .execute();
  };
  await seedSubscribers(
    storage,
    'Release Shop',
    runs,
    async (trx, dialect, shopId, subscribers, start) => {
      const flowRuns = subscribers.map((s, k) => ({
        id: sortableId('frun', NOON_IN_NEW_YORK),
        shop_id: shopId,
        flow_id: FLOW_ID,
        version: 1,
        subscriber_id: s.id,
        cause_id: `ev_bench_${start + k}`,
        trigger_props: JSON.stringify({ 'Points Earned': (start + k) % 500 }),
        status: 'waiting',
        node_id: 'wait',
        seq: 1,
        next_at: at,
        end_reason: null,
        created_at: at,
        updated_at: at,
        ended_at: null,
      }));
      await insertRows(trx, dialect, 'flow_runs', Object.keys(flowRuns[0]!) as (keyof (typeof flowRuns)[0])[], flowRuns);
      const jobs = flowRuns.map((r) => ({
        id: sortableId('job', NOON_IN_NEW_YORK),
        kind: 'sms.flow.move',
        payload: JSON.stringify({ runId: r.id, seq: 1 }),
        run_at: at,
        state: 'pending',
        attempts: 0,
        max_attempts: 10,
        locked_until: null,
        locked_by: null,
        dedupe_key: `flow:${r.id}:1`,
        last_error: null,
        rerun: 0,
        created_at: at,
        updated_at: at,
      }));
      await insertRows(trx, dialect, 'jobs', Object.keys(jobs[0]!) as (keyof (typeof jobs)[0])[], jobs);
    },
    flow,
  );
}
