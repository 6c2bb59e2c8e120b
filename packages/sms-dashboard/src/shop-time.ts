/** An instant in the shop's time zone, e.g. "Mar 10, 2026, 12:00 PM"; "—" for none (tested in test/subscriber-format.test.ts). */
export function shopTime(iso: string | null, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}
