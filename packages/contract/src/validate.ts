/**
 * Checks a custom event's `properties` (or a subscriber's Okendo profile properties) against the catalog.
 * The emitting side runs it before sending, the receiving side before accepting, so both agree on what a
 * well-formed Okendo event is. Errors name the offending property with a JSON Pointer into `properties`.
 *
 * Presence: a property is present when its key holds anything but undefined. null is accepted only where a
 * property is optional (meaning "no value"); a required property, including one required by a conditional
 * group that applies, must carry a real value. This matches the published JSON Schema (`json-schema.ts`).
 */
import { PROFILE_PROPERTIES } from './catalog/profile-properties.js';
import type { ConditionalGroup, EventTypeDef, PropertyDef } from './catalog/types.js';
import { checkOpenPropertyValue, checkPropertyValue } from './property-values.js';

export interface ValidationError {
  /** JSON Pointer into the properties object, e.g. "/Review Url"; "" for the object itself. */
  readonly path: string;
  readonly message: string;
}

export type ValidationResult = { ok: true } | { ok: false; errors: ValidationError[] };

/** RFC 6901 escaping; seed names contain neither "~" nor "/", but answers to survey questions might. */
function pointer(name: string): string {
  return `/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPresent(properties: Record<string, unknown>, name: string): boolean {
  return Object.hasOwn(properties, name) && properties[name] !== undefined;
}

function result(errors: ValidationError[]): ValidationResult {
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

function eventLabel(def: EventTypeDef): string {
  return def.audience === undefined ? `"${def.name}"` : `"${def.name}" (${def.audience})`;
}

/** Type-checks a present value; null passes only for optional properties. */
function checkValue(prop: PropertyDef, value: unknown, errors: ValidationError[]): void {
  if (value === null && !prop.required) return;
  const problem = checkPropertyValue(prop.type, value);
  if (problem !== undefined) errors.push({ path: pointer(prop.name), message: `"${prop.name}" ${problem}` });
}

function checkGroup(group: ConditionalGroup, properties: Record<string, unknown>, errors: ValidationError[]): void {
  for (const prop of group.properties) {
    if (isPresent(properties, prop.name)) {
      checkValue(prop, properties[prop.name], errors);
    } else if (prop.required) {
      // The group applies because one of its properties was sent, so it must be complete.
      errors.push({ path: pointer(prop.name), message: `"${prop.name}" is required when: ${group.when}` });
    }
  }
}

/** Groups sharing a `choice` are alternatives; report every group after the first that was sent. */
function checkChoices(groups: readonly ConditionalGroup[], properties: Record<string, unknown>, errors: ValidationError[]): void {
  const firstByChoice = new Map<string, ConditionalGroup>();
  for (const group of groups) {
    if (group.choice === undefined) continue;
    const first = firstByChoice.get(group.choice);
    if (first === undefined) {
      firstByChoice.set(group.choice, group);
      continue;
    }
    const clash = group.properties.find((prop) => isPresent(properties, prop.name));
    if (clash !== undefined) {
      errors.push({
        path: pointer(clash.name),
        message: `"${clash.name}" cannot be sent together with the properties for: ${first.when}`,
      });
    }
  }
}

export function validateEventProperties(def: EventTypeDef, properties: Record<string, unknown>): ValidationResult {
  if (!isPlainObject(properties)) return result([{ path: '', message: 'properties must be an object' }]);
  const errors: ValidationError[] = [];
  const known = new Set<string>();

  for (const prop of def.properties) {
    known.add(prop.name);
    if (isPresent(properties, prop.name)) checkValue(prop, properties[prop.name], errors);
    else if (prop.required) errors.push({ path: pointer(prop.name), message: `"${prop.name}" is required` });
  }

  const sentGroups: ConditionalGroup[] = [];
  for (const group of def.conditionalGroups) {
    for (const prop of group.properties) known.add(prop.name);
    if (group.properties.some((prop) => isPresent(properties, prop.name))) {
      sentGroups.push(group);
      checkGroup(group, properties, errors);
    }
  }
  checkChoices(sentGroups, properties, errors);

  for (const [name, value] of Object.entries(properties)) {
    if (known.has(name) || value === undefined) continue;
    if (def.openProperties !== undefined) {
      const problem = checkOpenPropertyValue(value);
      if (problem !== undefined) errors.push({ path: pointer(name), message: `"${name}" ${problem}` });
    } else {
      errors.push({ path: pointer(name), message: `"${name}" is not a property of ${eventLabel(def)}` });
    }
  }

  return result(errors);
}

const PROFILE_BY_NAME = new Map(PROFILE_PROPERTIES.map((prop) => [prop.name, prop]));

/**
 * Checks Okendo profile properties bound for a subscriber update. Every property is optional (Okendo
 * sends what it knows) and null clears a value; names outside the 22 are rejected.
 */
export function validateProfileProperties(properties: Record<string, unknown>): ValidationResult {
  if (!isPlainObject(properties)) return result([{ path: '', message: 'properties must be an object' }]);
  const errors: ValidationError[] = [];
  for (const [name, value] of Object.entries(properties)) {
    const prop = PROFILE_BY_NAME.get(name);
    if (prop === undefined) {
      errors.push({ path: pointer(name), message: `"${name}" is not an Okendo profile property` });
      continue;
    }
    if (value === undefined || value === null) continue;
    const problem = checkPropertyValue(prop.type, value);
    if (problem !== undefined) errors.push({ path: pointer(name), message: `"${name}" ${problem}` });
  }
  return result(errors);
}
