/**
 * Calendar days of a time zone as UTC instants, so "per day in the store's zone" is a range comparison on
 * the stored ISO-8601 UTC text — the same on SQLite (which has no time zones) and PostgreSQL. Pure; the
 * zone rules are the runtime's (Intl, IANA tzdata). A day is [its local midnight, the next one): 23 or 25
 * hours across a DST change, and the days tile the range with no gap.
 */

export interface LocalDay {
  /** YYYY-MM-DD in the zone. */
  day: string;
  /** ISO instant of the day's first moment, inclusive. */
  start: string;
  /** ISO instant of the next day's first moment, exclusive. */
  end: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's wall clock at `t`, read as if it were UTC (ms). */
function wallClock(timeZone: string, t: number): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(t))
      .map((p) => [p.type, p.value]),
  );
  const n = (k: string) => Number(parts[k]);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
}

/** The calendar day (YYYY-MM-DD) that instant `at` falls on in `timeZone`. */
export function localDayOf(at: Date, timeZone: string): string {
  return new Date(wallClock(timeZone, at.getTime())).toISOString().slice(0, 10);
}

/** The first instant of `day` in `timeZone` (when midnight is skipped by a DST change, the first hour that exists). */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  // Two rounds of "wall − offset": the second corrects for an offset that changes between the guess and the answer.
  let t = wall - (wallClock(timeZone, wall) - wall);
  t = wall - (wallClock(timeZone, t) - t);
  if (localDayOf(new Date(t), timeZone) < day) t += 3_600_000;
  return new Date(t);
}

const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The `count` calendar days ending with the one `now` falls on, oldest first. */
export function lastLocalDays(now: Date, timeZone: string, count: number): LocalDay[] {
  const today = localDayOf(now, timeZone);
  const days: LocalDay[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const day = addDays(today, -i);
    days.push({
      day,
      start: startOfLocalDay(day, timeZone).toISOString(),
      end: startOfLocalDay(addDays(day, 1), timeZone).toISOString(),
    });
  }
  return days;
}
