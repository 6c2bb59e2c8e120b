import { HttpError, type ErrorItem } from '@rapport/kit';
import type { Static, TSchema } from '@fastify/type-provider-typebox';
import { Value } from 'typebox/value';

/** A 400 carrying every field problem at once, in kit's `{"errors":[{loc,msg,type}]}` shape. */
export class PayloadInvalid extends HttpError {
  constructor(readonly items: ErrorItem[]) {
    super(400, items[0]?.type ?? 'value_error', items.map((i) => i.msg).join('; '), items[0]?.loc ?? []);
  }
  override toBody(): { errors: ErrorItem[] } {
    return { errors: this.items };
  }
}

interface TypeboxError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

/**
 * Checks a parsed webhook body against its schema; a failure names every field at fault
 * (`body.line_items.0.title is required`). Union branches produce one error per branch, so only the
 * most specific error per path is kept.
 */
export function checkPayload<S extends TSchema>(schema: S, value: unknown, context = 'body'): Static<S> {
  if (Value.Check(schema, value)) return value as Static<S>;
  const items: ErrorItem[] = [];
  const seen = new Set<string>();
  for (const raw of Value.Errors(schema, value) as Iterable<TypeboxError>) {
    const path = raw.instancePath
      .split('/')
      .filter(Boolean)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const missing = raw.params['requiredProperties'];
    const fields: string[][] = Array.isArray(missing) ? missing.map((m) => [...path, String(m)]) : [path];
    for (const field of fields) {
      const key = field.join('.');
      if (seen.has(key)) continue;
      seen.add(key);
      const loc = [context, ...field.map((p) => (/^\d+$/.test(p) ? Number(p) : p))];
      const name = [context, ...field].join('.');
      if (Array.isArray(missing)) items.push({ loc, msg: `${name} is required`, type: 'missing' });
      else items.push({ loc, msg: `${name} ${raw.message}`, type: raw.keyword });
    }
  }
  throw new PayloadInvalid(items.length > 0 ? items : [{ loc: [context], msg: `${context} is invalid`, type: 'value_error' }]);
}
