import { DomainError, HttpError, httpErrorOf, type FamilyPrefix } from '@rapport/kit';
import { FlowProblemsError } from '../errors.js';

/**
 * The SMS platform's one mapping from domain errors to HTTP. Every domain error takes kit's standard
 * status for its kind (Invalid 400, NotFound 404, Conflict 409, Unprocessable 422); the routes under
 * /api/v2 and /v1 are Postscript-compatible and answer in Postscript's error shapes, the rest in Rapport's.
 */
export function toHttpError(err: unknown): HttpError | undefined {
  // Every problem of a flow at once, so the builder can mark each node.
  if (err instanceof FlowProblemsError) return HttpError.of(422, err.items());
  return err instanceof DomainError ? httpErrorOf(err) : undefined;
}

export const ERROR_FAMILIES: readonly FamilyPrefix[] = [
  { prefix: '/api/v2', family: 'postscript' },
  { prefix: '/v1', family: 'postscript' },
];
