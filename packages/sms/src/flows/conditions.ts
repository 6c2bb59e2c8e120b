import { tagKey } from '@rapport/contract';
import type { ConditionOp, PropertyCondition, SubscriberCondition } from '../schemas/flows.js';

/**
 * Whether a flow's conditions hold (pure): trigger filters and trigger splits on the event's properties,
 * subscriber filters and conditional splits on the subscriber. The types were checked when the flow was
 * published (validate-graph.ts); here a value of another type than expected simply does not match.
 *
 * Text compares without regard to case (`Customer Role = Referrer` matches "referrer"), as a merchant
 * typing a filter expects; a missing property matches only `not_exists` (and `!=`).
 */

const DAY = 86_400_000;

/** A property's value by its seed name or by its key (`Product Name` / `product_name`). */
export function propertyValue(props: Readonly<Record<string, unknown>>, name: string): unknown {
  if (name in props) return props[name];
  const key = tagKey(name);
  for (const [k, v] of Object.entries(props)) if (tagKey(k) === key) return v;
  return undefined;
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A boolean as events carry it: true/false, or the words a custom event may send ("yes", "No", "1"). */
function asBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(s)) return true;
  if (['false', 'no', 'n', '0'].includes(s)) return false;
  return undefined;
}

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A date-valued property as an instant (ISO date or date-time), or undefined. */
export function asInstant(v: unknown): number | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const t = typeof v === 'number' ? v : Date.parse(v);
  return Number.isFinite(t) ? t : undefined;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : String(v)).trim().toLowerCase();

function equals(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'boolean') return asBoolean(actual) === expected;
  if (typeof expected === 'number') return asNumber(actual) === expected;
  if (Array.isArray(actual)) return actual.some((a) => equals(a, expected));
  return text(actual) === text(expected);
}

/** Whether `actual op expected` holds at `now`. */
export function compare(actual: unknown, op: ConditionOp, expected: unknown, now: Date): boolean {
  if (op === 'exists') return !isEmpty(actual);
  if (op === 'not_exists') return isEmpty(actual);
  if (op === '!=') return isEmpty(actual) || !equals(actual, expected);
  if (isEmpty(actual)) return false;
  switch (op) {
    case '=':
      return equals(actual, expected);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const a = asNumber(actual);
      const b = asNumber(expected);
      if (a === undefined || b === undefined) return false;
      return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
    }
    case 'contains':
      if (Array.isArray(actual)) return actual.some((a) => text(a) === text(expected));
      return text(actual).includes(text(expected));
    case 'before':
    case 'after': {
      const a = asInstant(actual);
      const b = asInstant(expected);
      if (a === undefined || b === undefined) return false;
      return op === 'before' ? a < b : a > b;
    }
    case 'within_last_days':
    case 'within_next_days': {
      const a = asInstant(actual);
      const days = asNumber(expected);
      if (a === undefined || days === undefined) return false;
      const t = now.getTime();
      return op === 'within_last_days' ? a <= t && a >= t - days * DAY : a >= t && a <= t + days * DAY;
    }
    default: {
      const never: never = op;
      throw new Error(`unknown operator ${String(never)}`);
    }
  }
}

/** Every condition holds on the event's properties (AND; an empty list holds). */
export function eventMatches(
  conditions: readonly PropertyCondition[] | undefined,
  props: Readonly<Record<string, unknown>>,
  now: Date,
): boolean {
  return (conditions ?? []).every((c) => compare(propertyValue(props, c.property), c.op, c.value, now));
}

/** What a subscriber condition looks at. */
export interface ConditionSubscriber {
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone_number: string;
  tags: readonly string[];
  properties: Readonly<Record<string, unknown>>;
}

export function subscriberMatches(conditions: readonly SubscriberCondition[] | undefined, s: ConditionSubscriber, now: Date): boolean {
  return (conditions ?? []).every((c) => {
    switch (c.subject) {
      case 'tag': {
        const has = s.tags.some((t) => text(t) === text(c.tag));
        return c.op === 'has' ? has : !has;
      }
      case 'field':
        return compare(s[c.field], c.op, c.value, now);
      case 'property':
        return compare(propertyValue(s.properties, c.property), c.op, c.value, now);
      default: {
        const never: never = c;
        throw new Error(`unknown condition ${JSON.stringify(never)}`);
      }
    }
  });
}
