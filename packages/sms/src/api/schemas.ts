import { PostscriptErrorBody, SubscriberSchema } from '@rapport/contract';
import { Type, type TSchema } from '@fastify/type-provider-typebox';

/** Response shapes shared by the routes (request bodies live next to their routes or in @rapport/contract). */

export const ErrorResponse = PostscriptErrorBody;

/** The standard error responses, for /docs. */
export const errors = (...codes: (400 | 401 | 404 | 409 | 422)[]) => Object.fromEntries(codes.map((c) => [c, ErrorResponse]));

export const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);

/** Postscript's subscriber plus our extensions (status, names, origin, consent timestamps). */
export const SubscriberResponse = Type.Object({
  ...SubscriberSchema.properties,
  properties: Type.Record(Type.String(), Type.Unknown()),
  status: Type.Union([Type.Literal('pending'), Type.Literal('subscribed'), Type.Literal('unsubscribed')], {
    description: 'Extension. pending = waiting for the Y reply (double opt-in).',
  }),
  first_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
  origin: Nullable(Type.String()),
  confirmed_at: Nullable(Type.String({ description: 'First opt-in confirmation; only confirmed subscribers are listed.' })),
  opted_out_at: Nullable(Type.String()),
});

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    // Length is checked in code (idempotencyKeyOf) so the 400 names ["header", "idempotency-key"] like the auth errors.
    Type.String({ description: 'Up to 255 characters. Retries with the same key replay the first response and change nothing.' }),
  ),
});
