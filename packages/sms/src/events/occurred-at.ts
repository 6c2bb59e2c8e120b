import { Invalid } from '@rapport/kit';

/**
 * `occurred_at` as Postscript documents it (UTC `%Y-%m-%d %H:%M:%S.%f`) or ISO 8601 with a UTC offset (pure).
 * A time without an offset is UTC.
 */
export function parseOccurredAt(raw: string | undefined, fallback: Date): string {
  if (raw === undefined) return fallback.toISOString();
  let s = raw.trim().replace(' ', 'T');
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(s)) s += 'Z';
  // JavaScript dates keep milliseconds; microseconds (%f) are truncated.
  s = s.replace(/(\.\d{3})\d+/, '$1');
  const d = new Date(s);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}/.exec(s);
  // JavaScript rolls 2026-02-30 over to March 2; a calendar date that does not exist is an error instead.
  const realDay = ymd ? Number(ymd[3]) >= 1 && Number(ymd[3]) <= new Date(Date.UTC(Number(ymd[1]), Number(ymd[2]), 0)).getUTCDate() : false;
  if (!ymd || !realDay || Number.isNaN(d.getTime())) {
    throw new Invalid('occurred_at must be a UTC date-time such as "2024-05-01 12:30:00.000000"', ['body', 'occurred_at']);
  }
  return d.toISOString();
}
