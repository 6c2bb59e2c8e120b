/**
 * What each PropertyType accepts, stated twice side by side: as a runtime check (used by the validators,
 * which need precise messages) and as a JSON Schema (published at /docs). Both use the same patterns; the
 * runtime check is stricter only where JSON Schema cannot follow (calendar dates such as 2024-02-30,
 * URLs that match the pattern but do not parse).
 */
import Type, { type TSchema, type TSchemaOptions } from 'typebox';
import type { PropertyType } from './catalog/types.js';

const DATE_PART = '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])';
const TIME_PART = 'T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?';
const OFFSET_PART = '(Z|[+-]([01]\\d|2[0-3]):?[0-5]\\d)?';

/** ISO 8601 calendar date, optionally with a time; the offset is optional because ISO 8601 allows local times. */
export const ISO_8601_PATTERN = `^${DATE_PART}(${TIME_PART}${OFFSET_PART})?$`;
/** Absolute http(s) URL: a scheme, a non-empty authority, no whitespace. */
export const HTTP_URL_PATTERN = '^https?://[^\\s/?#]+\\S*$';
/** Deliberately loose: one @ between non-empty parts. Deliverability is the sender's problem, not the schema's. */
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+$';

const ISO_8601 = new RegExp(ISO_8601_PATTERN);
const HTTP_URL = new RegExp(HTTP_URL_PATTERN);
const EMAIL = new RegExp(EMAIL_PATTERN);

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isIso8601(value: unknown): boolean {
  if (typeof value !== 'string' || !ISO_8601.test(value)) return false;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  // Day 0 of the next month is the last day of this one.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isHttpUrl(value: unknown): boolean {
  return typeof value === 'string' && HTTP_URL.test(value) && URL.canParse(value);
}

function isListItem(value: unknown): boolean {
  return typeof value === 'string' || isFiniteNumber(value);
}

interface ValueRule {
  /** Completes "must be …" in error messages. */
  readonly expected: string;
  readonly test: (value: unknown) => boolean;
}

const RULES: Record<PropertyType, ValueRule> = {
  string: { expected: 'a string', test: (value) => typeof value === 'string' },
  number: { expected: 'a finite number', test: isFiniteNumber },
  boolean: { expected: 'a boolean', test: (value) => typeof value === 'boolean' },
  date: { expected: 'an ISO 8601 date or date-time string', test: isIso8601 },
  url: { expected: 'an absolute http(s) URL', test: isHttpUrl },
  email: { expected: 'an email address', test: (value) => typeof value === 'string' && EMAIL.test(value) },
  list: { expected: 'an array of strings or numbers', test: (value) => Array.isArray(value) && value.every(isListItem) },
};

/** undefined when `value` is acceptable for `type`, else the "must be …" message. */
export function checkPropertyValue(type: PropertyType, value: unknown): string | undefined {
  const rule = RULES[type];
  return rule.test(value) ? undefined : `must be ${rule.expected}`;
}

/**
 * Values allowed for property names the catalog cannot list (survey answers, review attributes): anything
 * Postscript stores as a flat property. null means "no answer".
 */
export function checkOpenPropertyValue(value: unknown): string | undefined {
  const ok =
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    isFiniteNumber(value) ||
    (Array.isArray(value) && value.every(isListItem));
  return ok ? undefined : 'must be a string, number, boolean, array of strings or numbers, or null';
}

/** JSON Schema for one property value; `options` carries annotations such as the description. */
export function propertyValueSchema(type: PropertyType, options: TSchemaOptions = {}): TSchema {
  switch (type) {
    case 'string':
      return Type.String(options);
    case 'number':
      return Type.Number(options);
    case 'boolean':
      return Type.Boolean(options);
    case 'date':
      return Type.String({ ...options, pattern: ISO_8601_PATTERN });
    case 'url':
      return Type.String({ ...options, pattern: HTTP_URL_PATTERN });
    case 'email':
      return Type.String({ ...options, pattern: EMAIL_PATTERN });
    case 'list':
      return Type.Array(Type.Union([Type.String(), Type.Number()]), options);
  }
}

export function openPropertyValueSchema(options: TSchemaOptions = {}): TSchema {
  return Type.Union(
    [Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.Union([Type.String(), Type.Number()])), Type.Null()],
    options,
  );
}
