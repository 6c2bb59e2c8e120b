import type { ConditionOp } from '@rapport/sms/schemas';

/**
 * A condition's value as the merchant types it, and back (pure, tested in test/flow-graph-edit.test.ts):
 * "true"/"false" are booleans, a number is a number where the operator compares or counts days, anything
 * else is text; `exists` / `not_exists` take none.
 */

export const OPS: { value: ConditionOp; label: string }[] = [
  { value: '=', label: 'is' },
  { value: '!=', label: 'is not' },
  { value: '<', label: '<' },
  { value: '<=', label: '≤' },
  { value: '>', label: '>' },
  { value: '>=', label: '≥' },
  { value: 'contains', label: 'contains' },
  { value: 'exists', label: 'is set' },
  { value: 'not_exists', label: 'is not set' },
  { value: 'before', label: 'is before' },
  { value: 'after', label: 'is after' },
  { value: 'within_last_days', label: 'in the last N days' },
  { value: 'within_next_days', label: 'in the next N days' },
];

export const takesValue = (op: ConditionOp) => op !== 'exists' && op !== 'not_exists';

const NUMERIC_OPS = new Set<ConditionOp>(['=', '!=', '<', '<=', '>', '>=', 'within_last_days', 'within_next_days']);

export function parseValue(text: string, op: ConditionOp): string | number | boolean | undefined {
  if (!takesValue(op)) return undefined;
  const t = text.trim();
  if (op === '=' || op === '!=') {
    if (t.toLowerCase() === 'true' || t.toLowerCase() === 'yes') return true;
    if (t.toLowerCase() === 'false' || t.toLowerCase() === 'no') return false;
  }
  if (NUMERIC_OPS.has(op) && t !== '' && Number.isFinite(Number(t))) return Number(t);
  return text;
}

export const valueText = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
