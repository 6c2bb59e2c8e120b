/**
 * An instant in the tenant's time zone (the shop's or the store's), e.g. "Mar 10, 2026, 12:00 PM"; "—" for
 * none. One formatter for both dashboards (tested in test/zoned-time.test.ts).
 */
export function zonedTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}
