/** An instant in the store's time zone, e.g. "Mar 10, 2026, 12:00 PM"; "—" for none (tested in test/store-time.test.ts). */
export function storeTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}
