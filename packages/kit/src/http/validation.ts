import { registerAjvFormats, TypeBoxValidatorCompiler, type TSchema } from '@fastify/type-provider-typebox';
import type { FastifySchemaCompiler } from 'fastify';
import type { Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { ErrorItem } from './errors.js';

/**
 * Request validation with TypeBox's compiler rather than Fastify's default ajv. An ajv set up with
 * `coerceTypes` coerces every part of the request, which is right for query strings but silently
 * rewrites JSON bodies: `"tags": "VIP"` became `["VIP"]` and a property value `2` became `"2"` (the first
 * branch of string|number|…). TypeBox converts query, params and headers, and checks bodies as sent.
 * Every failure becomes `{loc, msg, type}` items naming the exact field (`errorItems`), the same for
 * route schemas and for payloads checked by hand (Shopify webhooks).
 */

export interface ValidationError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

let formatsRegistered = false;
const ensureFormats = () => {
  if (!formatsRegistered) {
    registerAjvFormats();
    formatsRegistered = true;
  }
};

/** "/line_items/0/title" → ["line_items", 0, "title"] (RFC 6901: ~1 is "/", ~0 is "~"). */
export function pointerPath(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * TypeBox's errors as one item per field at fault: a missing or extra property gets its own item, and a
 * failed union reports only the union (not every branch).
 */
export function errorItems(errors: Iterable<ValidationError>, context: string): ErrorItem[] {
  const all = [...errors];
  const anyOfPaths = new Set(all.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const out: ErrorItem[] = [];
  const seen = new Set<string>();
  const push = (item: ErrorItem) => {
    const key = `${item.loc.join('\u0000')}\u0001${item.type}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(item);
  };
  for (const e of all) {
    if (e.keyword === 'boolean' && e.schemaPath.endsWith('/additionalProperties')) continue;
    if (e.keyword !== 'anyOf' && anyOfPaths.has(e.instancePath) && e.schemaPath.includes('/anyOf/')) continue;
    const path = pointerPath(e.instancePath);
    const loc = [context, ...path];
    const name = (parts: (string | number)[]) => (parts.length > 0 ? parts.join('.') : context);
    const required = e.params['requiredProperties'];
    if (e.keyword === 'required' && Array.isArray(required)) {
      for (const p of required as string[]) push({ loc: [...loc, p], msg: `${name([...path, p])} is required`, type: 'missing' });
      continue;
    }
    const extra = e.params['additionalProperties'];
    if (e.keyword === 'additionalProperties' && Array.isArray(extra)) {
      for (const p of extra as string[])
        push({ loc: [...loc, p], msg: `${name([...path, p])} is not an allowed field`, type: 'extra_forbidden' });
      continue;
    }
    const message = e.keyword === 'anyOf' ? 'is not one of the allowed types' : e.message;
    push({ loc, msg: `${name(path)} ${message}`, type: e.keyword });
  }
  return out;
}

/** Thrown by the route validator: the error handler answers 400 with these items. */
export class RequestInvalid extends Error {
  constructor(readonly items: ErrorItem[]) {
    super(items.map((i) => i.msg).join('; '));
  }
}

export const validatorCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  ensureFormats();
  const validate = TypeBoxValidatorCompiler(route);
  const context = route.httpPart === 'querystring' ? 'query' : (route.httpPart ?? 'body');
  return (value: unknown) => {
    const result = validate(value) as { value?: unknown; error?: Iterable<ValidationError> };
    if (!result.error) return result as never;
    return { error: new RequestInvalid(errorItems(result.error, context)) } as never;
  };
};

/** A compiled check for values validated by hand: the value typed, or the items naming every field at fault. */
export function compileCheck<S extends TSchema>(schema: S, context = 'body') {
  ensureFormats();
  const compiled = Compile(schema);
  return (value: unknown): { ok: true; value: Static<S> } | { ok: false; items: ErrorItem[] } => {
    if (compiled.Check(value)) return { ok: true, value: value as Static<S> };
    const items = errorItems(compiled.Errors(value) as Iterable<ValidationError>, context);
    return { ok: false, items: items.length > 0 ? items : [{ loc: [context], msg: `${context} is invalid`, type: 'value_error' }] };
  };
}
