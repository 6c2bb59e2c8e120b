/** Route-side schema helpers (response shapes live in ../schemas/, where the dashboard can import them). */
import { LIMITS } from '@rapport/kit';
import Type from 'typebox';

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

/** An id in a path or query. */
export const Id = (description?: string) => Type.String({ maxLength: LIMITS.id, ...(description ? { description } : {}) });

export const StoreParams = Type.Object({ store_id: Id('Store id (st_…)') });

export const Limit = Type.Integer({ minimum: 1, maximum: 500, default: 100 });
