/**
 * JSON Schema (2020-12) for the catalog, built with TypeBox, for publishing at /docs and for any
 * third-party validator. It states the same rules as `validateEventProperties`:
 * - required properties are listed in `required`; optional ones also accept null ("no value");
 * - a conditional group that is sent must be complete (`dependentRequired`);
 * - groups sharing a `choice` exclude each other (`not` both present);
 * - unknown names are refused unless the event has open properties, whose values must be flat.
 */
import Type, { type TObject, type TSchema } from 'typebox';
import { EVENT_TYPES } from './catalog/event-types.js';
import { PROFILE_PROPERTIES } from './catalog/profile-properties.js';
import type { Audience, ConditionalGroup, EventTypeDef, PropertyDef } from './catalog/types.js';
import { openPropertyValueSchema, propertyValueSchema } from './property-values.js';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

function propertySchema(prop: PropertyDef, inGroup: boolean): TSchema {
  const annotations = { title: prop.name, description: prop.description, 'x-key': prop.key };
  if (prop.required && !inGroup) return propertyValueSchema(prop.type, annotations);
  // A group's required properties are optional at the top level (dependentRequired enforces them) but never
  // null: sending the key means the group applies.
  if (prop.required) return Type.Optional(propertyValueSchema(prop.type, annotations));
  return Type.Optional(Type.Union([propertyValueSchema(prop.type), Type.Null()], annotations));
}

/** Each property of a group, once sent, requires the group's other required properties. */
function dependentRequired(groups: readonly ConditionalGroup[]): Record<string, string[]> {
  const dependencies: Record<string, string[]> = {};
  for (const group of groups) {
    const required = group.properties.filter((prop) => prop.required).map((prop) => prop.name);
    for (const prop of group.properties) {
      const others = required.filter((name) => name !== prop.name);
      if (others.length > 0) dependencies[prop.name] = others;
    }
  }
  return dependencies;
}

function anyPresent(group: ConditionalGroup): Record<string, unknown> {
  return { anyOf: group.properties.map((prop) => ({ required: [prop.name] })) };
}

/** One `not (A and B)` per pair of groups answering the same choice. */
function exclusions(groups: readonly ConditionalGroup[]): Record<string, unknown>[] {
  const rules: Record<string, unknown>[] = [];
  groups.forEach((group, index) => {
    for (const later of groups.slice(index + 1)) {
      if (group.choice !== undefined && group.choice === later.choice) {
        rules.push({ not: { allOf: [anyPresent(group), anyPresent(later)] } });
      }
    }
  });
  return rules;
}

/** Schema of the `properties` object of one custom event. */
export function eventJsonSchema(def: EventTypeDef): TObject {
  const properties: Record<string, TSchema> = {};
  for (const prop of def.properties) properties[prop.name] = propertySchema(prop, false);
  for (const group of def.conditionalGroups) {
    for (const prop of group.properties) properties[prop.name] = propertySchema(prop, true);
  }

  const dependencies = dependentRequired(def.conditionalGroups);
  const notTogether = exclusions(def.conditionalGroups);
  return Type.Object(properties, {
    title: def.audience === undefined ? def.name : `${def.name} (${def.audience})`,
    description: def.description,
    'x-event-id': def.id,
    'x-event-type': def.name,
    ...(def.audience === undefined ? {} : { 'x-audience': def.audience }),
    ...(Object.keys(dependencies).length > 0 ? { dependentRequired: dependencies } : {}),
    ...(notTogether.length > 0 ? { allOf: notTogether } : {}),
    additionalProperties:
      def.openProperties === undefined ? false : openPropertyValueSchema({ description: def.openProperties.description }),
  });
}

/** Schema of the Okendo profile properties written onto a subscriber; all optional, null clears. */
export function profilePropertiesJsonSchema(): TObject {
  const properties: Record<string, TSchema> = {};
  for (const prop of PROFILE_PROPERTIES) {
    properties[prop.name] = Type.Optional(
      Type.Union([propertyValueSchema(prop.type), Type.Null()], {
        title: prop.name,
        description: prop.description,
        'x-key': prop.key,
      }),
    );
  }
  return Type.Object(properties, {
    title: 'Okendo customer profile properties',
    description: 'Subscriber properties Okendo syncs onto existing Postscript subscribers.',
    additionalProperties: false,
  });
}

export interface CatalogEventEntry {
  readonly id: string;
  readonly name: string;
  readonly audience?: Audience;
  /** JSON Pointer to the event's schema within the catalog document. */
  readonly schema: string;
}

export interface CatalogJsonSchema {
  readonly $schema: string;
  readonly title: string;
  readonly description: string;
  /** Event schemas keyed by event id, plus `okendo_profile_properties`. */
  readonly $defs: Record<string, TSchema>;
  /** Seed-ordered index, since several definitions share a wire name and ids are not names. */
  readonly 'x-event-types': readonly CatalogEventEntry[];
  readonly 'x-profile-properties': string;
}

export const PROFILE_PROPERTIES_DEF = 'okendo_profile_properties';

export function catalogJsonSchema(): CatalogJsonSchema {
  const $defs: Record<string, TSchema> = { [PROFILE_PROPERTIES_DEF]: profilePropertiesJsonSchema() };
  for (const def of EVENT_TYPES) $defs[def.id] = eventJsonSchema(def);
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: 'Okendo → Postscript integration catalog',
    description:
      'Custom event types (the `properties` of POST /api/v2/events) and subscriber profile properties Okendo sends to Postscript.',
    $defs,
    'x-event-types': EVENT_TYPES.map((def) => ({
      id: def.id,
      name: def.name,
      ...(def.audience === undefined ? {} : { audience: def.audience }),
      schema: `#/$defs/${def.id}`,
    })),
    'x-profile-properties': `#/$defs/${PROFILE_PROPERTIES_DEF}`,
  };
}

/** The catalog as both services publish it: at `GET /api/catalog` and in the OpenAPI components at /docs. */
export function publishedCatalog(): { path: string; summary: string; document: CatalogJsonSchema } {
  return {
    path: '/api/catalog',
    summary: 'The Okendo integration catalog: 22 profile properties, 19 event types (JSON Schema)',
    document: catalogJsonSchema(),
  };
}
