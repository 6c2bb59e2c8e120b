/** TypeBox schemas shared by the admin API routes (validation, types and the /docs OpenAPI from one place). */
import { Type, type TSchema } from '@fastify/type-provider-typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ErrorBody = Type.Object(
  {
    errors: Type.Array(
      Type.Object({
        loc: Type.Array(Type.Union([Type.String(), Type.Number()])),
        msg: Type.String(),
        type: Type.String(),
      }),
    ),
  },
  { description: 'Every 4xx names the field at fault in `loc`.' },
);

export const errors = (...codes: number[]): Record<number, typeof ErrorBody> => Object.fromEntries(codes.map((c) => [c, ErrorBody]));

export const StoreParams = Type.Object({ store_id: Type.String({ description: 'Store id (st_…)' }) });

export const Limit = Type.Integer({ minimum: 1, maximum: 500, default: 100 });
