import { insertRows, sortableId, type Dialect } from '@rapport/kit';
import { createShop, openSmsDatabase, type SmsDatabase } from '@rapport/sms';
import { sql } from 'kysely';
import { NOON_IN_NEW_YORK } from '../lib/clock.js';
import { spawnReady, sleep, stop } from '../lib/processes.js';
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
  const database = await open(storage);
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

function open(storage: BenchStorage): Promise<SmsDatabase> {
  return openSmsDatabase({
    dataDir: storage.dataDir,
    ...(storage.databaseUrl ? { databaseUrl: storage.databaseUrl, schemaPrefix: storage.schemaPrefix } : {}),
  });
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

async function seed(storage: BenchStorage, runs: number): Promise<void> {
  const database = await open(storage);
  const dialect: Dialect = database.dialect;
  const clock = { now: () => NOON_IN_NEW_YORK, onAdvance: () => () => undefined };
  const shop = await createShop(database, clock, { name: 'Release Shop' });
  const at = NOON_IN_NEW_YORK.toISOString();
  const flowId = 'flow_bench_release';
  await database.db
    .insertInto('flows')
    .values({
      id: flowId,
      shop_id: shop.shop_id,
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
    .values({ flow_id: flowId, version: 1, graph: JSON.stringify(GRAPH), published_at: at })
    .execute();
  for (let start = 0; start < runs; start += 5000) {
    const n = Math.min(5000, runs - start);
    await database.db.transaction().execute(async (trx) => {
      const subscribers = Array.from({ length: n }, (_, k) => ({
        id: sortableId('s', NOON_IN_NEW_YORK),
        shop_id: shop.shop_id,
        phone_number: `+1212${String(2_000_000 + start + k).padStart(7, '0')}`,
        email: null,
        first_name: null,
        last_name: null,
        shopify_customer_id: null,
        properties: '{}',
        tags: '[]',
        status: 'subscribed',
        origin: 'bench',
        keyword: null,
        external_id: null,
        time_zones: '["America/New_York"]',
        region: 'NY',
        confirmed_at: at,
        opted_out_at: null,
        opt_out_notice_at: at,
        created_at: at,
        updated_at: at,
      }));
      await insertRows(trx, dialect, 'subscribers', Object.keys(subscribers[0]!) as (keyof (typeof subscribers)[0])[], subscribers);
      const flowRuns = subscribers.map((s, k) => ({
        id: sortableId('frun', NOON_IN_NEW_YORK),
        shop_id: shop.shop_id,
        flow_id: flowId,
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
    });
  }
  await database.close();
}
