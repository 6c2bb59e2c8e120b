import { registerAjvFormats, TypeBoxValidatorCompiler, type TSchema } from '@fastify/type-provider-typebox';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Request validation with TypeBox's compiler rather than Fastify's default ajv. An ajv set up with
 * `coerceTypes` coerces every part of the request, which is right for query strings but silently
 * rewrites JSON bodies: `"tags": "VIP"` became `["VIP"]` and a property value `2` became `"2"` (the first
 * branch of string|number|…). TypeBox converts query, params and headers, and checks bodies as sent.
 * Its errors are reshaped into ajv's (`missingProperty`, `additionalProperty`) so the error handler in app.ts
 * names the exact field.
 */

interface ValidationError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

let formatsRegistered = false;

export function toAjvShape(errors: readonly ValidationError[]): ValidationError[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const out: ValidationError[] = [];
  for (const e of errors) {
    if (e.keyword === 'boolean' && e.schemaPath.endsWith('/additionalProperties')) continue;
    // A failed union reports every branch, then the union: keep the union's one error.
    if (e.keyword !== 'anyOf' && anyOfPaths.has(e.instancePath) && e.schemaPath.includes('/anyOf/')) continue;
    if (e.keyword === 'required' && Array.isArray(e.params['requiredProperties'])) {
      for (const p of e.params['requiredProperties'] as string[]) out.push({ ...e, params: { missingProperty: p } });
      continue;
    }
    if (e.keyword === 'additionalProperties' && Array.isArray(e.params['additionalProperties'])) {
      for (const p of e.params['additionalProperties'] as string[]) out.push({ ...e, params: { additionalProperty: p } });
      continue;
    }
    if (e.keyword === 'anyOf') {
      out.push({ ...e, message: 'is not one of the allowed types' });
      continue;
    }
    out.push(e);
  }
  return out;
}

export const validatorCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  if (!formatsRegistered) {
    registerAjvFormats();
    formatsRegistered = true;
  }
  const validate = TypeBoxValidatorCompiler(route);
  return (value: unknown) => {
    const result = validate(value) as { value?: unknown; error?: Iterable<ValidationError> };
    if (!result.error) return result as never;
    return { error: toAjvShape([...result.error]) } as never;
  };
};
