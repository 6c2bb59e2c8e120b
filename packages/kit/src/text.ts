/** Trimmed text, or null when nothing is left (absent, null, or only white space). */
export function trimToNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
