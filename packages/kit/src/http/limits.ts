/**
 * Request limits, one convention for every route of both services (docs/conventions.md):
 *   - body size: BODY_BYTES unless a route declares its own `bodyLimit` → 413 naming the limit;
 *   - nesting depth of a JSON body: at most NESTING_DEPTH levels → 400 naming the limit;
 *   - every array, string and record in a route's body / query / params schema is bounded (maxItems,
 *     maxLength, maxProperties). createHttpApp refuses to register a route whose schema is not, so an
 *     unbounded field cannot ship. Why: 90,000 tags in one POST /api/v2/subscribers once held the server
 *     for ~12 s; a bounded schema refuses such a body in microseconds, before any handler runs.
 * The numbers below are the defaults the schemas use; a route may choose tighter ones.
 */
export const LIMITS = {
  /** Default body size of a JSON route. */
  bodyBytes: 256 * 1024,
  nestingDepth: 8,
  /** Names: tags, property names, labels, shop and trigger names. */
  name: 255,
  /** Free text: message bodies, property values. */
  text: 2000,
  /** Items of a list field (tags, messages, a list property's values). */
  items: 100,
  /** Keys of a property map. */
  properties: 100,
  /** Ids and keys in paths and queries. */
  id: 100,
} as const;

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The parts of a JSON Schema that can grow without bound: strings without maxLength (literals and enums
 * excepted), arrays without maxItems, maps (patternProperties / additionalProperties: schema) without
 * maxProperties. Returns their paths ("body.tags", "body.properties.*"); empty when all is bounded.
 */
export function unboundedParts(schema: unknown, path: string): string[] {
  if (!isObject(schema)) return [];
  const out: string[] = [];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) for (const b of branches) out.push(...unboundedParts(b, path));
  }
  const type = schema['type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.includes('string') && schema['maxLength'] === undefined && schema['const'] === undefined && schema['enum'] === undefined)
    out.push(`${path} (string without maxLength)`);
  if (types.includes('array')) {
    if (schema['maxItems'] === undefined) out.push(`${path} (array without maxItems)`);
    out.push(...unboundedParts(schema['items'], `${path}[]`));
  }
  if (types.includes('object') || schema['properties'] !== undefined) {
    const props = schema['properties'];
    if (isObject(props)) for (const [k, v] of Object.entries(props)) out.push(...unboundedParts(v, `${path}.${k}`));
    const pattern = schema['patternProperties'];
    const additional = schema['additionalProperties'];
    const isMap = isObject(pattern) || isObject(additional);
    if (isMap && schema['maxProperties'] === undefined) out.push(`${path} (map without maxProperties)`);
    if (isObject(pattern)) for (const v of Object.values(pattern)) out.push(...unboundedParts(v, `${path}.*`));
    if (isObject(additional)) out.push(...unboundedParts(additional, `${path}.*`));
  }
  return out;
}

/** How deeply a parsed JSON value nests (a scalar is 0, `{"a":[1]}` is 2); stops counting past `limit`. */
export function nestingDepth(value: unknown, limit: number): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (limit <= 0) return 1;
  let deepest = 0;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    const d = nestingDepth(child, limit - 1);
    if (d > deepest) deepest = d;
    if (deepest >= limit) break;
  }
  return deepest + 1;
}
