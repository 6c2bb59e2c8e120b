import { PostscriptErrorBody } from '@rapport/contract';
import { LIMITS } from '@rapport/kit';
import Type from 'typebox';

/**
 * Route-side schema helpers (response shapes live in ../schemas/, where the dashboard can import them).
 */

export const ErrorResponse = PostscriptErrorBody;

/** The standard error responses, for /docs. */
export const errors = (...codes: (400 | 401 | 403 | 404 | 409 | 413 | 422)[]) => Object.fromEntries(codes.map((c) => [c, ErrorResponse]));

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: LIMITS.id }) });

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    // Length is checked in code (idempotencyKeyOf) so the 400 names ["header", "idempotency-key"] like the auth errors.
    Type.String({ description: 'Up to 255 characters. Retries with the same key replay the first response and change nothing.' }),
  ),
});
