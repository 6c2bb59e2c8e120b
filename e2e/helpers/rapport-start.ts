import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RAPPORT_BIN = fileURLToPath(new URL('../../packages/cli/bin/rapport.mjs', import.meta.url));

export interface StartedRapport {
  smsUrl: string;
  reviewsUrl: string;
  /** What `rapport start --json` printed: the one-time setup links among it. */
  banner: { setup_urls: { sms: string | null; reviews: string | null }; phone_simulator_url?: string };
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/**
 * `rapport start --json` as a merchant runs it, on a fresh data directory (SQLite) with the dev carrier and
 * the dev clock (RAPPORT_DEV=1) starting at `now`: resolves with the banner it prints once both services listen.
 */
export async function startRapport(now: string): Promise<StartedRapport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  const [sms, reviews] = [await freePort(), await freePort()];
  const child: ChildProcess = spawn(process.execPath, [RAPPORT_BIN, 'start', '--json'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      RAPPORT_DATA_DIR: dataDir,
      RAPPORT_DEV: '1',
      RAPPORT_NOW: now,
      SMS_PORT: String(sms),
      REVIEWS_PORT: String(reviews),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const banner = await new Promise<StartedRapport['banner']>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`rapport start printed no banner in 30 s: ${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.trim().startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as StartedRapport['banner']);
    });
    child.once('exit', (code) => reject(new Error(`rapport start exited with ${code}`)));
  });
  return {
    smsUrl: `http://127.0.0.1:${sms}`,
    reviewsUrl: `http://127.0.0.1:${reviews}`,
    banner,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
