import { randomBytes } from 'node:crypto';

/**
 * Prefixed opaque ids in Postscript's style (`s_…`, `shop_…`, `kw_…`): the prefix tells a
 * reader (and a support engineer reading logs) what kind of object an id names.
 */
export function newId(prefix: string, bytes = 12): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
