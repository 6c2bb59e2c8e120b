import { steadyLoad } from '../lib/load.js';
import { spawnReady, sleep, stop } from '../lib/processes.js';
import { benchStorage } from '../lib/storage.js';
import { percentile } from '../lib/stats.js';

/**
 * Trigger fire → text accepted by the dev carrier, for an enabled legacy automation that texts at once:
 * a steady `rate` of POST /v1/triggers/{id}/subscribers/{id} (100 subscribers in turn), then, per fire, the
 * time from the fire's commit to the dev carrier's row for its text (both stamped by the server's clock).
 */
export async function fireRun(opts: { databaseUrl: string | undefined; seconds: number; rate: number }) {
  const server = await spawnReady<{ port: number; privateKey: string; triggerId: string; subscribers: string[] }>(
    'bench/serve.ts',
    ['fire'],
    benchStorage(opts.databaseUrl).env,
  );
  try {
    const { triggerId, subscribers } = server.info;
    const http = await steadyLoad({
      port: server.info.port,
      privateKey: server.info.privateKey,
      path: (n) => `/v1/triggers/${triggerId}/subscribers/${subscribers[n % subscribers.length]}`,
      body: (n) => ({ code: `C${n}` }),
      seconds: opts.seconds,
      rate: opts.rate,
      connections: 32,
    });
    let latency = { fires: 0, latenciesMs: [] as number[] };
    for (let i = 0; i < 100; i++) {
      latency = (await (await fetch(`http://127.0.0.1:${server.info.port}/bench/latency`)).json()) as typeof latency;
      if (latency.latenciesMs.length >= latency.fires) break;
      await sleep(200);
    }
    const sorted = [...latency.latenciesMs].sort((a, b) => a - b);
    return {
      http,
      fires: latency.fires,
      texts: sorted.length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? Number.NaN,
    };
  } finally {
    await stop(server.child);
  }
}
