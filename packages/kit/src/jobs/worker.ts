import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/open.js';
import { newId } from '../ids.js';
import type { Logger } from '../log.js';
import { claimJobs, nextRunAt } from './claim.js';
import { jobsByKind, type BatchItem, type JobDefinition, type JobList, type Outcome } from './define.js';
import { completeJobs, failJob, renewLeases } from './finish.js';
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
  /**
   * Most jobs claimed in one round (one claim statement, one completion statement). Batch kinds get all
   * their claimed jobs at once; one-job kinds run JOB_CONCURRENCY at a time.
   */
  batchSize?: number;
  /** Short leases (30 s), renewed while a round runs, so a crashed worker's jobs come back quickly. */
  leaseMs?: number;
  /**
   * Upper bound on an idle sleep. Due times and in-process wake-ups end a sleep early; this bound
   * only matters for work enqueued by another process (the CLI, another API process) and for
   * leases that expire after a crash.
   */
  idlePollMs?: number;
  /**
   * Least time from the start of one round to the start of the next when the next was asked for by a
   * wake-up (default 10 ms). Under a stream of small enqueues (an ingest batch every few milliseconds,
   * each waking the worker) rounds would otherwise run one job each; spaced, each round takes every job
   * enqueued meanwhile in one claim, one transaction and one completion. A wake after a quiet spell runs
   * at once; a full round (a backlog) is followed at once. It is the most a wake-up waits.
   */
  roundSpacingMs?: number;
}

/** Jobs a round claims by default (see claim.ts for why rounds are large). */
export const WORKER_BATCH_SIZE = 256;
/**
 * Connections a service's worker opens of its own on PostgreSQL (`Database.withOwnConnections`), so that its
 * rounds do not queue behind the API's request transactions in a shared pool. Measured on the SMS
 * platform: trigger fire → text at 500/s, p99 859 → 95 ms (docs/performance.md).
 */
export const WORKER_CONNECTIONS = 3;

/**
 * Runs due jobs from one service's database, in rounds: claim up to `batchSize` due jobs in one
 * statement, run them grouped by kind, complete the successful ones in one statement, record each
 * failure (backoff, RetryLater, dead letter). Waits of days are jobs with a future run_at: the worker
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
  #woken = false;
  /** performance.now() when the last round started. */
  #lastRoundAt = Number.NEGATIVE_INFINITY;
  #unsubscribeClock: (() => void) | null = null;
  #unlisten: Promise<() => Promise<void>> | null = null;

  constructor(options: WorkerOptions<C>) {
    const { workerId, jobs, ...rest } = options;
    this.id = workerId ?? `${hostname()}:${process.pid}:${newId('w', 4)}`;
    this.#db = options.database.db;
    this.#opts = { batchSize: WORKER_BATCH_SIZE, leaseMs: 30_000, idlePollMs: 1000, roundSpacingMs: 10, ...rest };
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

  /** Ends an idle sleep now (called after this process enqueued work); a wake during a round runs another. */
  wake(): void {
    this.#woken = true;
    this.#wake?.();
  }

  /** Runs every job that is due now, until none is left; for tests and the CLI. Returns how many ran. */
  async runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const ran = await this.#round();
      if (ran === 0) return total;
      total += ran;
    }
  }

  async #run(): Promise<void> {
    let spaced = false;
    while (this.#running) {
      try {
        if (spaced) await this.#spaceRounds();
        this.#woken = false;
        this.#lastRoundAt = performance.now();
        const ran = await this.#round();
        // A full round: more may be due, claim again at once. Otherwise look again only if woken meanwhile
        // (work enqueued by this process), spaced; a claim now would most likely find nothing.
        if (ran >= this.#opts.batchSize) {
          spaced = false;
          continue;
        }
        if (!this.#woken) await this.#sleep(await this.#idleMs());
        spaced = this.#woken;
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

  /** Waits out the rest of `roundSpacingMs` since the last round started; wake-ups do not cut it short. */
  async #spaceRounds(): Promise<void> {
    const ms = this.#lastRoundAt + this.#opts.roundSpacingMs - performance.now();
    if (ms > 0 && this.#running) await new Promise((resolve) => setTimeout(resolve, ms));
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

  /** One round: claim, run by kind, complete successes together, record failures. Returns how many ran. */
  async #round(): Promise<number> {
    const claimed = await claimJobs(this.#db, this.#opts.database.dialect, {
      workerId: this.id,
      now: this.#opts.clock.now(),
      leaseMs: this.#opts.leaseMs,
      limit: this.#opts.batchSize,
      kinds: this.#kinds,
    });
    if (claimed.length === 0) return 0;
    const log = this.#opts.log;
    const held = new Set(claimed.map((j) => j.id));
    const heartbeat = setInterval(() => {
      const until = new Date(this.#opts.clock.now().getTime() + this.#opts.leaseMs);
      renewLeases(this.#db, [...held], this.id, until).catch((err: unknown) => log.warn({ err }, 'lease renewal failed'));
    }, this.#opts.leaseMs / 3);
    try {
      const byKind = new Map<string, JobsTable[]>();
      for (const job of claimed) byKind.set(job.kind, [...(byKind.get(job.kind) ?? []), job]);
      const done: string[] = [];
      await Promise.all(
        [...byKind].map(async ([kind, jobs]) => {
          const outcomes = await this.#runKind(kind, jobs);
          await Promise.all(
            jobs.map(async (job, i) => {
              const outcome = outcomes[i] ?? { ok: false, error: new Error('no outcome') };
              if (outcome.ok) done.push(job.id);
              else {
                await this.#fail(job, outcome.error);
                held.delete(job.id);
              }
            }),
          );
        }),
      );
      await completeJobs(this.#db, done, this.id, this.#opts.clock.now());
      return claimed.length;
    } finally {
      clearInterval(heartbeat);
    }
  }

  async #runKind(kind: string, jobs: JobsTable[]): Promise<Outcome[]> {
    const definition = this.#jobs.get(kind);
    const outcomes: Outcome[] = new Array(jobs.length);
    const items: BatchItem<unknown>[] = [];
    const at: number[] = [];
    jobs.forEach((job, i) => {
      if (!definition) {
        outcomes[i] = { ok: false, error: new PermanentFailure(`no handler for job kind ${kind}`) };
        return;
      }
      let payload: unknown;
      try {
        payload = JSON.parse(job.payload);
      } catch (err) {
        outcomes[i] = { ok: false, error: new PermanentFailure(`payload of ${kind} is not JSON: ${String(err)}`) };
        return;
      }
      const problems = definition.check(payload);
      if (problems.length > 0) {
        outcomes[i] = { ok: false, error: new PermanentFailure(`payload of ${kind} does not match its schema: ${problems.join('; ')}`) };
        return;
      }
      items.push({
        payload,
        job: {
          id: job.id,
          kind: job.kind,
          attempt: job.attempts,
          maxAttempts: job.max_attempts,
          lastAttempt: job.attempts >= job.max_attempts,
          now: this.#opts.clock.now(),
        },
      });
      at.push(i);
    });
    if (definition && items.length > 0) {
      const ran = await definition.runMany(this.#opts.context, items);
      ran.forEach((outcome, k) => (outcomes[at[k] as number] = outcome));
    }
    return outcomes;
  }

  async #fail(job: JobsTable, err: unknown): Promise<void> {
    const log = this.#opts.log;
    const now = this.#opts.clock.now();
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof RetryLater) {
      await failJob(this.#db, { ...job, attempts: Math.min(job.attempts, job.max_attempts - 1) }, this.id, now, message, err.retryAt);
      log.debug({ job: job.id, kind: job.kind, retryAt: err.retryAt }, 'job deferred');
      return;
    }
    const forced = err instanceof PermanentFailure ? { ...job, attempts: job.max_attempts } : job;
    const outcome = await failJob(this.#db, forced, this.id, now, message);
    log[outcome === 'dead' ? 'error' : 'warn']({ err, job: job.id, kind: job.kind, attempt: job.attempts, outcome }, 'job failed');
  }
}
