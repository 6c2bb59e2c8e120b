/**
 * Calendar days of a time zone as UTC instants, so "per day in the store's zone" is a range comparison on
 * the stored ISO-8601 UTC text — the same on SQLite (which has no time zones) and PostgreSQL. Pure; the
 * zone rules are the runtime's (Intl, IANA tzdata). A day is [its local midnight, the next one): 23 or 25
 * hours across a DST change, and the days tile the range with no gap. Built on kit's time/zoned.ts, as quiet hours are.
 */

import { localTime, zonedInstant } from '../time/zoned.js';

export interface LocalDay {
  /** YYYY-MM-DD in the zone. */
  day: string;
  /** ISO instant of the day's first moment, inclusive. */
  start: string;
  /** ISO instant of the next day's first moment, exclusive. */
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day (YYYY-MM-DD) that instant `at` falls on in `timeZone`. */
export function localDayOf(at: Date, timeZone: string): string {
  const l = localTime(at, timeZone);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}`;
}

/** The first instant of `day` in `timeZone` (when midnight is skipped by a DST change, the first hour that exists). */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  let t = zonedInstant({ year, month, day: date }, 0, timeZone).getTime();
  if (localDayOf(new Date(t), timeZone) < day) t += 3_600_000;
  return new Date(t);
}

const nextDay = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The `count` calendar days ending with the one `now` falls on, oldest first. */
export function lastLocalDays(now: Date, timeZone: string, count: number): LocalDay[] {
  const today = localDayOf(now, timeZone);
  const days: LocalDay[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const day = nextDay(today, -i);
    days.push({
      day,
      start: startOfLocalDay(day, timeZone).toISOString(),
      end: startOfLocalDay(nextDay(day, 1), timeZone).toISOString(),
    });
  }
  return days;
}
