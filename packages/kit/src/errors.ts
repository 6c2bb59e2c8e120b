/**
 * Domain errors: what domain and job code throws when it will not act. They say *what* is wrong and *where*
 * (`loc`, e.g. ['body','phone_number']) in plain words; they know nothing of HTTP. Each service maps them
 * to responses once, in its `api/errors.ts` (kit's `httpErrorOf` gives the standard mapping); the CLI
 * prints their message as is.
 *
 *   Invalid        the input is malformed or out of range                 → 400
 *   NotFound       what the input names does not exist (for this caller)  → 404
 *   Conflict       the thing exists but its state forbids this            → 409
 *   Gone           it existed and is no longer active                     → 410
 *   Unprocessable  well-formed, but cannot be acted on (an unknown trigger, a key Postscript rejects) → 422
 */
export type Loc = (string | number)[];

export abstract class DomainError extends Error {
  abstract readonly kind: 'invalid' | 'not_found' | 'conflict' | 'gone' | 'unprocessable';
  constructor(
    message: string,
    readonly loc: Loc = [],
    /** A stable machine-readable reason (`unknown_trigger`, `already_reviewed`); defaults to the kind. */
    readonly code?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class Invalid extends DomainError {
  readonly kind = 'invalid' as const;
}
export class NotFound extends DomainError {
  readonly kind = 'not_found' as const;
}
export class Conflict extends DomainError {
  readonly kind = 'conflict' as const;
}
export class Gone extends DomainError {
  readonly kind = 'gone' as const;
}
export class Unprocessable extends DomainError {
  readonly kind = 'unprocessable' as const;
}
