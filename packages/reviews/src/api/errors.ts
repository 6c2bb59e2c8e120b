import { DomainError, httpErrorOf, type FamilyPrefix, type HttpError } from '@rapport/kit';

/**
 * The reviews platform's one mapping from domain errors to HTTP: kit's standard status per kind (Invalid
 * 400, NotFound 404, Conflict 409, Gone 410, Unprocessable 422 — a Postscript key that is refused, say).
 * Every route here is Rapport's own API, so every error answers `{"errors":[{loc,msg,type}]}`; the
 * Okendo-compatible routes, when they come, get their own family.
 */
export function toHttpError(err: unknown): HttpError | undefined {
  return err instanceof DomainError ? httpErrorOf(err) : undefined;
}

export const ERROR_FAMILIES: readonly FamilyPrefix[] = [];
