import { compileCheck, RequestInvalid } from '@rapport/kit';
import type { Static, TSchema } from 'typebox';

/**
 * Checks a parsed webhook body against its topic's schema; a failure is one 400 naming every field at
 * fault (`body.line_items.0.title is required`), through kit's validation error items — the same shape
 * route schemas produce.
 */
const checks = new WeakMap<TSchema, ReturnType<typeof compileCheck>>();

export function checkPayload<S extends TSchema>(schema: S, value: unknown): Static<S> {
  let check = checks.get(schema);
  if (!check) {
    check = compileCheck(schema, 'body');
    checks.set(schema, check);
  }
  const result = check(value);
  if (!result.ok) throw new RequestInvalid(result.items);
  return result.value as Static<S>;
}
