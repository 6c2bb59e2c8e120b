/** Okendo's display name is "first name and initial of surname" ("Jane D."). Pure. */

export function displayName(first: string | null, last: string | null): string {
  const f = first?.trim() ?? '';
  const l = last?.trim() ?? '';
  if (f && l) return `${f} ${l.charAt(0).toUpperCase()}.`;
  if (f) return f;
  if (l) return `${l.charAt(0).toUpperCase()}.`;
  return 'Anonymous';
}

/** Splits a name typed into the form ("Jane van Dyke") into first and last ("Jane", "van Dyke"). */
export function splitName(full: string): { first: string | null; last: string | null } {
  const parts = full.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { first: null, last: null };
  return { first: parts[0] ?? null, last: parts.length > 1 ? parts.slice(1).join(' ') : null };
}
