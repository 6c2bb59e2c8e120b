/** JSON lives in TEXT columns on both dialects; these keep the (de)serialisation in one place. */
export const toJson = (value: unknown): string => JSON.stringify(value ?? null);

export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}

/** Booleans are stored as 0/1 integers so both dialects read them the same way. */
export const toBool = (v: unknown): boolean => v === 1 || v === true || v === '1';
export const fromBool = (v: boolean): number => (v ? 1 : 0);
