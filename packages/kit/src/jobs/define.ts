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
  readonly handle: (ctx: C, payload: Static<S>, job: JobContext) => Promise<void>;
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

export function defineJob<C, S extends TSchema>(
  name: string,
  payload: S,
  handle: (ctx: C, payload: Static<S>, job: JobContext) => Promise<void>,
): JobDefinition<C, S> {
  const validator = Compile(payload);
  return {
    name,
    payload,
    handle,
    check(value) {
      if (validator.Check(value)) return [];
      return [...validator.Errors(value)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    },
    enqueue: (db, now, value, options = {}) => enqueue(db, now, { ...options, kind: name, payload: value }),
  };
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
