import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { eventsLoad, type LoadResult } from '../lib/load.js';
import { memoryOf, sleep, stop } from '../lib/processes.js';
import { benchStorage } from '../lib/storage.js';

const RAPPORT = fileURLToPath(new URL('../../packages/cli/bin/rapport.mjs', import.meta.url));

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });

/**
 * Peak memory of `rapport start` (both services and their workers in one process, as a merchant runs it)
 * under the single-event ingest load: VmRSS sampled every 250 ms and the kernel's high-water mark VmHWM.
 */
export async function rssRun(opts: { databaseUrl: string | undefined; seconds: number; connections: number }) {
  const storage = benchStorage(opts.databaseUrl);
  const [smsPort, reviewsPort] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    RAPPORT_DATA_DIR: storage.dataDir,
    DATABASE_URL: opts.databaseUrl ?? '',
    RAPPORT_PG_SCHEMA_PREFIX: opts.databaseUrl ? storage.schemaPrefix : '',
    SMS_PORT: String(smsPort),
    REVIEWS_PORT: String(reviewsPort),
    RAPPORT_NOW: new Date(Date.UTC(2026, 2, 10, 16)).toISOString(),
    LOG_LEVEL: 'warn',
  };
  const shop = await new Promise<{ private_key: string }>((resolve, reject) => {
    const c = spawn(process.execPath, [RAPPORT, 'sms', 'create-shop', '--name', 'RSS Shop', '--json'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as { private_key: string }) : reject(new Error(`create-shop exited ${code}`)),
    );
  });
  const child = spawn(process.execPath, [RAPPORT, 'start'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    for (let i = 0; i < 300; i++) {
      const ok = await fetch(`http://127.0.0.1:${smsPort}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(100);
    }
    const idle = memoryOf(child.pid as number).rssMb;
    let peakSampled = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peakSampled = Math.max(peakSampled, memoryOf(child.pid as number).rssMb);
        await sleep(250);
      }
    })();
    const load: LoadResult = await eventsLoad({
      port: smsPort,
      privateKey: shop.private_key,
      seconds: opts.seconds,
      connections: opts.connections,
    });
    sampling = false;
    await sampler;
    const { peakMb } = memoryOf(child.pid as number);
    return { idleMb: Math.round(idle), peakSampledMb: Math.round(peakSampled), peakMb: Math.round(peakMb), load };
  } finally {
    await stop(child);
  }
}
