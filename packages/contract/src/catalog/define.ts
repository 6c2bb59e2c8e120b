/**
 * Builders for catalog entries. Keys are derived from the verbatim seed name with `tagKey`, so a key can
 * never drift from its name; the tests pin the derived keys.
 */
import { tagKey } from './triggers.js';
import type { PropertyDef, PropertyType } from './types.js';

export function requiredProp(name: string, type: PropertyType, description: string): PropertyDef {
  return { name, key: tagKey(name), description, type, required: true };
}

export function optionalProp(name: string, type: PropertyType, description: string): PropertyDef {
  return { name, key: tagKey(name), description, type, required: false };
}
