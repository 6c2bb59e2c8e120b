import Type, { type TSchema } from 'typebox';

export const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
