import { EventEmitter } from 'node:events';

/**
 * Every read of "now" goes through a Clock so that waits of days (review-request
 * sequences, automation delays, quiet-hour holds) are testable in milliseconds.
 * Nothing in Rapport calls `Date.now()` or `new Date()` for business time.
 */
export interface Clock {
  now(): Date;
  /** Called whenever the clock jumps forward (dev/test clocks only), so sleeping workers re-check due work. */
  onAdvance(listener: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  onAdvance: () => () => {},
};

/**
 * A clock that starts at a chosen instant and can be moved forward.
 * `frozen: false` (what `RAPPORT_NOW` gives) lets real time keep flowing from the start instant;
 * `frozen: true` (what tests use) only moves when `advance` or `set` is called.
 */
export class DevClock implements Clock {
  readonly #events = new EventEmitter();
  readonly #frozen: boolean;
  #base: number;
  #realAtBase: number;

  constructor(start: Date = new Date(), options: { frozen?: boolean } = {}) {
    this.#frozen = options.frozen ?? false;
    this.#base = start.getTime();
    this.#realAtBase = performance.now();
    this.#events.setMaxListeners(100);
  }

  now(): Date {
    const drift = this.#frozen ? 0 : performance.now() - this.#realAtBase;
    return new Date(this.#base + Math.floor(drift));
  }

  advance(ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance(ms) needs a finite, non-negative number');
    return this.set(new Date(this.now().getTime() + ms));
  }

  set(instant: Date): Date {
    this.#base = instant.getTime();
    this.#realAtBase = performance.now();
    this.#events.emit('advance');
    return this.now();
  }

  onAdvance(listener: () => void): () => void {
    this.#events.on('advance', listener);
    return () => this.#events.off('advance', listener);
  }
}

export const iso = (d: Date): string => d.toISOString();
export const addMs = (d: Date, ms: number): Date => new Date(d.getTime() + ms);
export const DAY_MS = 86_400_000;
