import { steadyLoad } from '../lib/load.js';
import { spawnReady, sleep, stop } from '../lib/processes.js';
import { benchStorage } from '../lib/storage.js';
import { percentile } from '../lib/stats.js';

/**
 * Cause → text accepted by the dev carrier, for an enabled legacy automation that texts at once: a steady
 * `rate` of causes for 100 subscribers in turn — partner trigger fires (POST /v1/triggers/{id}/subscribers/{id})
 * or custom events (POST /api/v2/events, each with its own external_id, for an automation on the event
 * type, or for a published automation flow whose one step is that text) — then, per cause, the time from its commit to the dev carrier's row for its text (both stamped by
 * the server's clock).
 */
export async function fireRun(opts: {
  databaseUrl: string | undefined;
  seconds: number;
  rate: number;
  cause: 'trigger' | 'event' | 'flow';
}) {
  const server = await spawnReady<{ port: number; privateKey: string; triggerId: string | null; subscribers: string[] }>(
    'bench/serve.ts',
    ['fire', opts.cause],
    benchStorage(opts.databaseUrl).env,
  );
  try {
    const { triggerId, subscribers } = server.info;
    const subscriberOf = (n: number) => subscribers[n % subscribers.length];
    const http = await steadyLoad({
      port: server.info.port,
      privateKey: server.info.privateKey,
      path: (n) => (opts.cause !== 'trigger' ? '/api/v2/events' : `/v1/triggers/${triggerId}/subscribers/${subscriberOf(n)}`),
      body: (n) =>
        opts.cause !== 'trigger'
          ? {
              type: 'Okendo Loyalty Points Awarded',
              subscriber_id: subscriberOf(n),
              external_id: `bench-${n}`,
              properties: { 'Points Earned': n % 500 },
            }
          : { code: `C${n}` },
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
