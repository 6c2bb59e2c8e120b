import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { enqueue, type DbOf, type EnqueueOptions } from './enqueue.js';
import type { JobsSchema } from './schema.js';

/** What a handler learns about the run it is in. `lastAttempt`: a failure now dead-letters the job. */
export interface JobContext {
  id: string;
  kind: string;
  /** 1 on the first run; a claim counts as an attempt (see claim.ts). */
  attempt: number;
  maxAttempts: number;
  lastAttempt: boolean;
  /** The instant the run started, from the worker's clock. */
  now: Date;
}

/** One claimed job of a batch: its payload (checked against the schema) and its context. */
export interface BatchItem<P> {
  payload: P;
  job: JobContext;
}

/** What became of one job: done, or the error it failed with (RetryLater, PermanentFailure or any other). */
export type Outcome = { ok: true } | { ok: false; error: unknown };

/**
 * A durable job kind: its name, the TypeBox schema of its payload and its handler, declared once and
 * listed in the service's `jobs.ts`. The payload is checked when a job is claimed (a payload that does not
 * match dead-letters at once, naming the field), and `enqueue` only accepts a payload of the right type.
 *
 * `C` is the service context the handler runs with (the worker is given it once).
 */
export interface JobDefinition<C, S extends TSchema = TSchema> {
  readonly name: string;
  readonly payload: S;
  /** Runs the claimed jobs of this kind, returning one outcome per item, in order. */
  readonly runMany: (ctx: C, items: BatchItem<Static<S>>[]) => Promise<Outcome[]>;
  /** Problems with a stored payload (empty when it matches the schema). */
  check(payload: unknown): string[];
  /** Adds a job of this kind inside the caller's transaction (see kit `enqueue`). */
  enqueue<DB extends JobsSchema>(
    db: DbOf<DB>,
    now: Date,
    payload: Static<S>,
    options?: EnqueueOptions,
  ): Promise<{ id: string; created: boolean }>;
}

function definition<C, S extends TSchema>(name: string, payload: S, runMany: JobDefinition<C, S>['runMany']): JobDefinition<C, S> {
  const validator = Compile(payload);
  return {
    name,
    payload,
    runMany,
    check(value) {
      if (validator.Check(value)) return [];
      return [...validator.Errors(value)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    },
    enqueue: (db, now, value, options = {}) => enqueue(db, now, { ...options, kind: name, payload: value }),
  };
}

/** How many jobs of one single-item kind run at once within a worker round. */
export const JOB_CONCURRENCY = 8;

/** A job kind whose handler takes one job at a time (up to JOB_CONCURRENCY of them run at once). */
export function defineJob<C, S extends TSchema>(
  name: string,
  payload: S,
  handle: (ctx: C, payload: Static<S>, job: JobContext) => Promise<void>,
): JobDefinition<C, S> {
  return definition(name, payload, async (ctx, items) => {
    const outcomes: Outcome[] = new Array(items.length);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < items.length; i = next++) {
        const item = items[i] as BatchItem<Static<S>>;
        try {
          await handle(ctx, item.payload, item.job);
          outcomes[i] = { ok: true };
        } catch (error) {
          outcomes[i] = { ok: false, error };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(JOB_CONCURRENCY, items.length) }, lane));
    return outcomes;
  });
}

/**
 * A job kind whose handler takes every claimed job of its kind at once (a round claims up to the
 * worker's batch size), so it can do in one transaction what one-job handlers would do in hundreds:
 * 100,000 texts coming due drain as batches of sends, not as 100,000 separate transactions. The handler
 * returns one outcome per item; a throw fails every item of the batch.
 */
export function defineBatchJob<C, S extends TSchema>(
  name: string,
  payload: S,
  handleMany: (ctx: C, items: BatchItem<Static<S>>[]) => Promise<Outcome[]>,
): JobDefinition<C, S> {
  return definition(name, payload, async (ctx, items) => {
    try {
      const outcomes = await handleMany(ctx, items);
      if (outcomes.length !== items.length) throw new Error(`${name}: ${outcomes.length} outcomes for ${items.length} jobs`);
      return outcomes;
    } catch (error) {
      return items.map(() => ({ ok: false, error }));
    }
  });
}

/** The definitions a worker runs, by kind; a name declared twice is a programming error. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of kinds, each with its own payload type
export type JobList<C> = readonly JobDefinition<C, any>[];

export function jobsByKind<C>(jobs: JobList<C>): Map<string, JobDefinition<C>> {
  const byKind = new Map<string, JobDefinition<C>>();
  for (const job of jobs) {
    if (byKind.has(job.name)) throw new Error(`job kind ${job.name} is declared twice`);
    byKind.set(job.name, job);
  }
  return byKind;
}
