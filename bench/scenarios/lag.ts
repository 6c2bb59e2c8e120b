import { eventsLoad, type LoadResult } from '../lib/load.js';
import { spawnReady, sleep, stop } from '../lib/processes.js';
import { benchStorage } from '../lib/storage.js';

/**
 * The work behind an event keeps up: a sustained load on POST /api/v2/events (events of a subscribed phone,
 * so every one goes through trigger matching), sampling the backlog — pending jobs of any kind — every
 * second, during the load and after it until the backlog is empty. Events start their automations inside
 * the ingest transaction, so an event that starts nothing leaves no work behind; what this scenario guards
 * is that no deferred per-event work creeps back in.
 */
export async function lagRun(opts: { databaseUrl: string | undefined; seconds: number; connections: number }) {
  const server = await spawnReady<{ port: number; privateKey: string; phone: string }>(
    'bench/serve.ts',
    ['events'],
    benchStorage(opts.databaseUrl).env,
  );
  const samples: { t: number; unprocessed: number }[] = [];
  const started = performance.now();
  const sample = async () => {
    const r = (await (await fetch(`http://127.0.0.1:${server.info.port}/bench/unprocessed`)).json()) as { unprocessed: number };
    samples.push({ t: Math.round((performance.now() - started) / 100) / 10, unprocessed: r.unprocessed });
    return r.unprocessed;
  };
  try {
    let loading = true;
    const sampler = (async () => {
      while (loading) {
        await sample();
        await sleep(1000);
      }
    })();
    const load: LoadResult = await eventsLoad({
      port: server.info.port,
      privateKey: server.info.privateKey,
      phone: server.info.phone,
      seconds: opts.seconds,
      connections: opts.connections,
    });
    loading = false;
    await sampler;
    const loadEnded = performance.now();
    let drainedAfterS = Number.NaN;
    for (let i = 0; i < 600; i++) {
      if ((await sample()) === 0) {
        drainedAfterS = Math.round((performance.now() - loadEnded) / 100) / 10;
        break;
      }
      await sleep(100);
    }
    return { load, samples, drainedAfterS, peakBacklog: Math.max(...samples.map((s) => s.unprocessed)) };
  } finally {
    await stop(server.child);
  }
}
