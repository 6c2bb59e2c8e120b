/**
 * Daily counts as a chart wants them: one row per calendar day of the range, oldest first, every series
 * present (0 when nothing happened), so a quiet day is a visible gap rather than a missing bar. Pure; the
 * server counts per day in the tenant's time zone and sends only the days that have something.
 */
export interface DailyCount {
  /** Calendar day in the tenant's zone, YYYY-MM-DD. */
  day: string;
  /** Series key, e.g. "delivered" or an event type. */
  key: string;
  count: number;
}

export type DailyRow = { day: string } & Record<string, number | string>;

/** Every day from `from` to `to` inclusive (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export function dailyRows(counts: readonly DailyCount[], keys: readonly string[], from: string, to: string): DailyRow[] {
  const byDay = new Map<string, DailyRow>();
  for (const day of daysBetween(from, to)) {
    const row: DailyRow = { day };
    for (const k of keys) row[k] = 0;
    byDay.set(day, row);
  }
  for (const c of counts) {
    const row = byDay.get(c.day);
    if (row && keys.includes(c.key)) row[c.key] = (row[c.key] as number) + c.count;
  }
  return [...byDay.values()];
}

/** The keys that appear in `counts`, most frequent first (for series such as event types). */
export function seriesKeys(counts: readonly DailyCount[]): string[] {
  const totals = new Map<string, number>();
  for (const c of counts) totals.set(c.key, (totals.get(c.key) ?? 0) + c.count);
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}
