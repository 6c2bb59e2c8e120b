import { Invalid } from '@rapport/kit';

/**
 * Profile merges (pure). Properties merge per key and a null value deletes the key; tags only ever add;
 * email is set only while none is known (Postscript: "we will only update it if none previously existed").
 */

export const MAX_PROPERTIES = 50;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export type PropertyPatch = Record<string, string | number | boolean | readonly (string | number | boolean)[] | null>;

export function mergeProperties(
  existing: Record<string, unknown>,
  patch: PropertyPatch | null | undefined,
  loc: (string | number)[],
): Record<string, unknown> {
  if (!patch) return existing;
  const next: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(patch)) {
    if (key.trim() === '' || key.length > 255) throw new Invalid('property names must be 1–255 characters', [...loc, key]);
    if (value === null) delete next[key];
    else next[key] = value;
  }
  if (Object.keys(next).length > MAX_PROPERTIES) {
    throw new Invalid(`a subscriber can hold at most ${MAX_PROPERTIES} custom properties`, loc, 'too_many_properties');
  }
  return next;
}

export function mergeTags(existing: string[], added: readonly string[] | undefined, loc: (string | number)[]): string[] {
  if (!added) return existing;
  const next = [...existing];
  added.forEach((raw, i) => {
    const tag = raw.trim();
    if (tag === '' || tag.length > 255) throw new Invalid('tags must be 1–255 characters', [...loc, i]);
    if (!next.includes(tag)) next.push(tag);
  });
  return next;
}

/** Lower-cased email, or a 400 naming the field. */
export function normalizeEmail(raw: string, loc: (string | number)[]): string {
  const email = raw.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 320) throw new Invalid('email is not an email address', loc);
  return email;
}

export function normalizeCustomerId(raw: number | string | undefined, loc: (string | number)[]): string | undefined {
  if (raw === undefined) return undefined;
  const s = String(raw).trim();
  if (!/^\d{1,20}$/.test(s)) throw new Invalid('shopify_customer_id must be a positive integer', loc);
  return s;
}
