import { eventsLoad, type LoadResult } from '../lib/load.js';
import { spawnReady, sleep, stop } from '../lib/processes.js';
import { benchStorage } from '../lib/storage.js';
import { median, spread } from '../lib/stats.js';

export interface IngestRun {
  floor: LoadResult;
  rapport: LoadResult;
  batched: LoadResult;
  /** Events in the database afterwards, against the events the load generator got a 2xx for. */
  stored: number;
  accepted: number;
}

type ServerInfo = { port: number; privateKey?: string; phone?: string };

/**
 * One paired run: the floor (bare Fastify + one insert a request) and Rapport's POST /api/v2/events on the
 * same storage, each after an equal warm-up; then the batch extension (50 events a request) on the same
 * Rapport server. Afterwards every accepted event must be readable.
 */
export async function ingestRun(opts: { databaseUrl: string | undefined; seconds: number; connections: number }): Promise<IngestRun> {
  const floorServer = await spawnReady<ServerInfo>('bench/serve.ts', ['floor'], benchStorage(opts.databaseUrl).env);
  let floor: LoadResult;
  try {
    await eventsLoad({ port: floorServer.info.port, seconds: opts.seconds, connections: opts.connections });
    floor = await eventsLoad({ port: floorServer.info.port, seconds: opts.seconds, connections: opts.connections });
  } finally {
    await stop(floorServer.child);
  }
  const server = await spawnReady<ServerInfo>('bench/serve.ts', ['events'], benchStorage(opts.databaseUrl).env);
  try {
    const load = {
      port: server.info.port,
      privateKey: server.info.privateKey,
      phone: server.info.phone,
      seconds: opts.seconds,
      connections: opts.connections,
    };
    const warm = await eventsLoad(load);
    const rapport = await eventsLoad(load);
    const batched = await eventsLoad({ ...load, perRequest: 50 });
    const accepted = warm.ok + rapport.ok + batched.ok * 50;
    let stats = { events: 0, unprocessed: 0 };
    for (let i = 0; i < 120; i++) {
      stats = (await (await fetch(`http://127.0.0.1:${server.info.port}/bench/stats`)).json()) as typeof stats;
      if (stats.unprocessed === 0) break;
      await sleep(500);
    }
    return { floor, rapport, batched: { ...batched, requestsPerS: batched.requestsPerS * 50 }, stored: stats.events, accepted };
  } finally {
    await stop(server.child);
  }
}

export function ingestReport(
  runs: IngestRun[],
  storage: string,
  seconds: number,
  connections: number,
): { lines: string[]; summary: Record<string, unknown> } {
  const ratio = runs.map((r) => r.rapport.requestsPerS / r.floor.requestsPerS);
  const p99Ratio = runs.map((r) => r.rapport.p99 / Math.max(1, r.floor.p99));
  const row = (name: string, f: (r: IngestRun) => LoadResult) => {
    const rs = runs.map(f);
    const rate = rs.map((r) => r.requestsPerS);
    return `| ${name} | ${median(rate)} | ${spread(rate)} | ${median(rs.map((r) => r.p50))} | ${median(rs.map((r) => r.p99))} | ${rs.reduce((a, r) => a + r.non2xx, 0)} | ${rs.reduce((a, r) => a + r.errors, 0)} |`;
  };
  const lines = [
    `### Ingest: POST /api/v2/events on ${storage}, ${connections} connections, ${seconds} s after an equal warm-up, ${runs.length} paired runs (median, spread)`,
    '',
    '| server | events/s | spread | p50 ms | p99 ms | non-2xx | errors |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: |',
    row(`floor: bare Fastify + 1 ${storage} insert a request`, (r) => r.floor),
    row('Rapport, single events', (r) => r.rapport),
    row('Rapport, batch extension (50 events a request)', (r) => r.batched),
    '',
    `Rapport / floor: **${median(ratio).toFixed(2)}×** (runs: ${ratio.map((x) => x.toFixed(2)).join(', ')}); p99 / floor p99: ${median(p99Ratio).toFixed(2)}×.`,
    `Every 202'd event readable afterwards: ${runs.every((r) => r.stored >= r.accepted) ? 'yes' : 'NO'} (stored / 2xx: ${runs.map((r) => `${r.stored}/${r.accepted}`).join(', ')}).`,
  ];
  return {
    lines,
    summary: {
      ratio: median(ratio),
      ratios: ratio,
      p99Ratio: median(p99Ratio),
      floor: median(runs.map((r) => r.floor.requestsPerS)),
      rapport: median(runs.map((r) => r.rapport.requestsPerS)),
      batched: median(runs.map((r) => r.batched.requestsPerS)),
      allReadable: runs.every((r) => r.stored >= r.accepted),
      runs,
    },
  };
}
