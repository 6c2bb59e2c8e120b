import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/open.js';
import { newId } from '../ids.js';
import type { Logger } from '../log.js';
import { claimJobs, nextRunAt } from './claim.js';
import { jobsByKind, type JobDefinition, type JobList } from './define.js';
import { completeJob, failJob, renewLease } from './finish.js';
import { listenForJobs } from './notify.js';
import type { JobsSchema, JobsTable } from './schema.js';

/** Thrown by a handler to be retried at a given time (e.g. 429 Retry-After, quiet hours) rather than with backoff. */
export class RetryLater extends Error {
  constructor(
    readonly retryAt: Date,
    message = 'retry later',
  ) {
    super(message);
  }
}

/** Thrown by a handler when retrying cannot help (bad payload, revoked key): the job goes dead at once. */
export class PermanentFailure extends Error {}

export interface WorkerOptions<C> {
  database: Database<JobsSchema>;
  clock: Clock;
  /** Every job kind this worker runs (the service's `jobs.ts`) … */
  jobs: JobList<C>;
  /** … and the service context their handlers run with. */
  context: C;
  log: Logger;
  workerId?: string;
  concurrency?: number;
  /** Short leases (30 s), renewed while a handler runs, so a crashed worker's jobs come back quickly. */
  leaseMs?: number;
  /**
   * Upper bound on an idle sleep. Due times and in-process wake-ups end a sleep early; this bound
   * only matters for work enqueued by another process (the CLI, another API process) and for
   * leases that expire after a crash.
   */
  idlePollMs?: number;
}

/**
 * Runs due jobs from one service's database. Waits of days are jobs with a future run_at: the worker
 * sleeps until the earliest one (or until woken), never on a fixed once-a-minute scan.
 */
export class Worker<C = unknown> {
  readonly id: string;
  readonly #db: Kysely<JobsSchema>;
  readonly #opts: Required<Omit<WorkerOptions<C>, 'workerId' | 'jobs'>>;
  readonly #jobs: Map<string, JobDefinition<C>>;
  readonly #kinds: string[];
  #running = false;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #unsubscribeClock: (() => void) | null = null;
  #unlisten: Promise<() => Promise<void>> | null = null;

  constructor(options: WorkerOptions<C>) {
    const { workerId, jobs, ...rest } = options;
    this.id = workerId ?? `${hostname()}:${process.pid}:${newId('w', 4)}`;
    this.#db = options.database.db;
    this.#opts = { concurrency: 8, leaseMs: 30_000, idlePollMs: 1000, ...rest };
    this.#jobs = jobsByKind(jobs);
    this.#kinds = [...this.#jobs.keys()];
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#unsubscribeClock = this.#opts.clock.onAdvance(() => this.wake());
    this.#unlisten = listenForJobs(this.#opts.database as Database<unknown>, () => this.wake()).catch((err: unknown) => {
      this.#opts.log.warn({ err }, 'LISTEN for jobs failed; relying on the idle poll');
      return async () => undefined;
    });
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#unsubscribeClock?.();
    this.wake();
    await this.#loop;
    await (
      await this.#unlisten
    )?.();
  }

  /** Ends an idle sleep now (called after this process enqueued work). */
  wake(): void {
    this.#wake?.();
  }

  /** Runs every job that is due now, until none is left; for tests and the CLI. Returns how many ran. */
  async runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const ran = await this.#runBatch();
      if (ran === 0) return total;
      total += ran;
    }
  }

  async #run(): Promise<void> {
    while (this.#running) {
      try {
        if ((await this.#runBatch()) > 0) continue;
        await this.#sleep(await this.#idleMs());
      } catch (err) {
        this.#opts.log.error({ err }, 'worker loop error');
        await this.#sleep(this.#opts.idlePollMs);
      }
    }
  }

  async #idleMs(): Promise<number> {
    const next = await nextRunAt(this.#db, this.#kinds);
    if (!next) return this.#opts.idlePollMs;
    return Math.max(0, Math.min(this.#opts.idlePollMs, next.getTime() - this.#opts.clock.now().getTime()));
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = () => {
        this.#wake = null;
        done();
      };
    });
  }

  async #runBatch(): Promise<number> {
    const jobs = await claimJobs(this.#db, this.#opts.database.dialect, {
      workerId: this.id,
      now: this.#opts.clock.now(),
      leaseMs: this.#opts.leaseMs,
      limit: this.#opts.concurrency,
      kinds: this.#kinds,
    });
    await Promise.all(jobs.map((job) => this.#runOne(job)));
    return jobs.length;
  }

  async #runOne(job: JobsTable): Promise<void> {
    const definition = this.#jobs.get(job.kind);
    const log = this.#opts.log;
    const heartbeat = setInterval(() => {
      const until = new Date(this.#opts.clock.now().getTime() + this.#opts.leaseMs);
      renewLease(this.#db, job.id, this.id, until).catch((err: unknown) => log.warn({ err, job: job.id }, 'lease renewal failed'));
    }, this.#opts.leaseMs / 3);
    try {
      if (!definition) throw new PermanentFailure(`no handler for job kind ${job.kind}`);
      const payload: unknown = JSON.parse(job.payload);
      const problems = definition.check(payload);
      if (problems.length > 0) throw new PermanentFailure(`payload of ${job.kind} does not match its schema: ${problems.join('; ')}`);
      await definition.handle(this.#opts.context, payload, {
        id: job.id,
        kind: job.kind,
        attempt: job.attempts,
        maxAttempts: job.max_attempts,
        lastAttempt: job.attempts >= job.max_attempts,
        now: this.#opts.clock.now(),
      });
      await completeJob(this.#db, job, this.id, this.#opts.clock.now());
    } catch (err) {
      const now = this.#opts.clock.now();
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof RetryLater) {
        await failJob(this.#db, { ...job, attempts: Math.min(job.attempts, job.max_attempts - 1) }, this.id, now, message, err.retryAt);
        log.debug({ job: job.id, kind: job.kind, retryAt: err.retryAt }, 'job deferred');
      } else {
        const forced = err instanceof PermanentFailure ? { ...job, attempts: job.max_attempts } : job;
        const outcome = await failJob(this.#db, forced, this.id, now, message);
        log[outcome === 'dead' ? 'error' : 'warn']({ err, job: job.id, kind: job.kind, attempt: job.attempts, outcome }, 'job failed');
      }
    } finally {
      clearInterval(heartbeat);
    }
  }
}
