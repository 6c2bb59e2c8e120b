/** "2 days 3 hours", "45 minutes", "0 minutes": whole units, largest first, at most two. */
export function durationText(minutes: number): string {
  if (minutes <= 0) return '0 minutes';
  const parts: string[] = [];
  let rest = minutes;
  for (const [size, unit] of [
    [1440, 'day'],
    [60, 'hour'],
    [1, 'minute'],
  ] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 && parts.length < 2) parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
  }
  return parts.join(' ');
}

/** "1 day", "14 days". */
export const daysText = (days: number): string => `${days} day${days === 1 ? '' : 's'}`;
