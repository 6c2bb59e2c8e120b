import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * A bench server or worker in its own process (so the load generator never shares its event loop). It
 * prints one JSON line when ready; the rest of its stdout is ignored.
 */
export async function spawnReady<T>(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ child: ChildProcess; info: T }> {
  // BENCH_CPU_PROF=<dir>: every bench child writes a CPU profile there (read it with Chrome's DevTools).
  const profile = process.env['BENCH_CPU_PROF'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} ${args.join(' ')} exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  child.stdout?.resume();
  return { child, info: JSON.parse(line) as T };
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Resident set size now and at its peak (VmRSS, VmHWM), in MB, from /proc. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
