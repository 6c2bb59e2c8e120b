import type { ErrorItem } from './errors.js';

/**
 * Error bodies by API family, so each API answers in the shape its clients expect and never in a
 * framework's raw shape:
 *   postscript  Postscript-compatible routes (/api/v2, /v1): their v2 shape `{"errors":[{loc,msg,type}]}`,
 *               except 429, which Postscript answers in its older coded shape
 *               `{"error_code":3002,"error_message":"Rate limit exceeded","success":false}`.
 *   rapport     Rapport's own routes: `{"errors":[{loc,msg,type}]}`.
 * The family of a request is decided by the longest matching path prefix of the service's table, so an
 * unknown URL under /api/v2 still answers in Postscript's shape.
 */
export type ErrorFamily = 'postscript' | 'rapport';

export interface FamilyPrefix {
  prefix: string;
  family: ErrorFamily;
}

export function familyOf(url: string, prefixes: readonly FamilyPrefix[]): ErrorFamily {
  const path = url.split('?')[0] ?? url;
  let best: FamilyPrefix | undefined;
  for (const p of prefixes) {
    if (
      (path === p.prefix || path.startsWith(p.prefix.endsWith('/') ? p.prefix : `${p.prefix}/`)) &&
      p.prefix.length > (best?.prefix.length ?? -1)
    )
      best = p;
  }
  return best?.family ?? 'rapport';
}

export function errorBody(family: ErrorFamily, status: number, items: ErrorItem[]): unknown {
  switch (family) {
    case 'postscript':
      if (status === 429) return { error_code: 3002, error_message: items[0]?.msg ?? 'Rate limit exceeded', success: false };
      return { errors: items };
    case 'rapport':
      return { errors: items };
    default: {
      const never: never = family;
      throw new Error(`unknown error family ${String(never)}`);
    }
  }
}
