import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const RAPPORT_BIN = fileURLToPath(new URL('../../bin/rapport.mjs', import.meta.url));

/** Runs the real `rapport` binary as a user would, with the given environment on top of ours. */
export function rapport(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RAPPORT_BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export async function rapportJson<T = Record<string, unknown>>(args: string[], env: Record<string, string | undefined>): Promise<T> {
  const r = await rapport([...args, '--json'], env);
  if (r.code !== 0) throw new Error(`rapport ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** `rapport worker` in the background. */
export function startWorker(env: Record<string, string | undefined>): ChildProcess {
  return spawn(process.execPath, [RAPPORT_BIN, 'worker'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** `rapport start [args]` in the background; resolves once both services answer /healthz. */
export async function startServer(
  env: Record<string, string | undefined>,
  ports: { sms: number; reviews: number },
  args: string[] = [],
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [RAPPORT_BIN, 'start', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const deadline = performance.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`rapport start exited with ${child.exitCode}`);
    const ok = await Promise.all(
      [ports.sms, ports.reviews].map((p) =>
        fetch(`http://127.0.0.1:${p}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      ),
    );
    if (ok.every(Boolean)) return child;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('rapport start did not become healthy in 30 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
