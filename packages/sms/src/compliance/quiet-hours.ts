import { addDays, localTime, zonedInstant } from '@rapport/kit';

/**
 * Quiet hours (pure): when a marketing text may reach a recipient, in their local time.
 *
 * Federal TCPA: 8 am – 9 pm. Stricter state windows (see shared/reference/sms-compliance-performance-reliability.md §1.1):
 * FL, OK, MD, MS, NJ 8 am – 8 pm; CT 9 am – 8 pm; TX 9 am – 9 pm Mon–Sat and noon – 9 pm Sunday;
 * RI 9 am – 6 pm weekdays and 10 am – 5 pm weekends. WA is commonly cited as 8 am – 8 pm but unconfirmed;
 * we apply it anyway because the cost of a stricter window is a held message, never a dropped one.
 * The state comes from the number's area code (Florida presumes an FL area code is an FL resident).
 */

export interface Window {
  /** Minutes after local midnight. */
  open: number;
  close: number;
}

const h = (hour: number) => hour * 60;
const FEDERAL: Window = { open: h(8), close: h(21) };
const EIGHT_TO_EIGHT: Window = { open: h(8), close: h(20) };

type StateRule = (weekday: number) => Window;

const STATE_RULES: Record<string, StateRule> = {
  FL: () => EIGHT_TO_EIGHT,
  OK: () => EIGHT_TO_EIGHT,
  MD: () => EIGHT_TO_EIGHT,
  MS: () => EIGHT_TO_EIGHT,
  NJ: () => EIGHT_TO_EIGHT,
  WA: () => EIGHT_TO_EIGHT,
  CT: () => ({ open: h(9), close: h(20) }),
  TX: (weekday) => (weekday === 0 ? { open: h(12), close: h(21) } : { open: h(9), close: h(21) }),
  RI: (weekday) => (weekday === 0 || weekday === 6 ? { open: h(10), close: h(17) } : { open: h(9), close: h(18) }),
};

/** The allowed window on a local weekday for a recipient in `region` (a US state code, or null). */
export function sendingWindow(region: string | null, weekday: number): Window {
  const rule = region ? STATE_RULES[region.toUpperCase()] : undefined;
  if (!rule) return FEDERAL;
  const w = rule(weekday);
  return { open: Math.max(FEDERAL.open, w.open), close: Math.min(FEDERAL.close, w.close) };
}

/** A window as the dashboard says it: "08:00–21:00". */
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const windowText = (w: Window) => `${clock(w.open)}–${clock(w.close)}`;

export interface QuietHoursRule {
  /** "US (federal)" or a US state code. */
  region: string;
  /** "08:00–21:00", or per day kind: "Mon–Sat 09:00–21:00, Sun 12:00–21:00". */
  window: string;
}

/** The rules `sendingWindow` applies, in words, for the Settings page (pure, derived from the same table). */
export function quietHoursRules(): QuietHoursRule[] {
  const rules: QuietHoursRule[] = [{ region: 'US (federal)', window: windowText(FEDERAL) }];
  for (const region of Object.keys(STATE_RULES).sort()) {
    const [weekday, sat, sun] = [
      windowText(sendingWindow(region, 1)),
      windowText(sendingWindow(region, 6)),
      windowText(sendingWindow(region, 0)),
    ];
    const window =
      weekday === sat && sat === sun
        ? weekday
        : weekday === sat
          ? `Mon–Sat ${weekday}, Sun ${sun}`
          : sat === sun
            ? `Mon–Fri ${weekday}, Sat–Sun ${sat}`
            : `Mon–Fri ${weekday}, Sat ${sat}, Sun ${sun}`;
    rules.push({ region, window });
  }
  return rules;
}

export type QuietHoursDecision = { allowed: true } | { allowed: false; opensAt: Date };

/** May a marketing text go out at `instant` to a recipient in `timeZone`/`region`? If not, when does the window open? */
export function quietHoursInZone(instant: Date, timeZone: string, region: string | null): QuietHoursDecision {
  const local = localTime(instant, timeZone);
  for (let offset = 0; offset <= 7; offset++) {
    const date = addDays(local, offset);
    const w = sendingWindow(region, date.weekday);
    const open = zonedInstant(date, w.open, timeZone);
    const close = zonedInstant(date, w.close, timeZone);
    if (instant < open) return { allowed: false, opensAt: open };
    if (instant < close) return { allowed: true };
  }
  throw new Error(`no sending window within a week for ${timeZone}/${region ?? '-'}`);
}

/**
 * The same decision when the number's area code spans several zones (e.g. a state split between Eastern and
 * Central): the text may go only when every candidate zone is inside its window — the strictest reading.
 */
export function quietHoursDecision(input: { instant: Date; timeZones: readonly string[]; region: string | null }): QuietHoursDecision {
  const zones = input.timeZones.length > 0 ? input.timeZones : ['America/New_York'];
  let candidate = input.instant;
  for (let round = 0; round < 16; round++) {
    let latest: Date | null = null;
    for (const zone of zones) {
      const d = quietHoursInZone(candidate, zone, input.region);
      if (!d.allowed && (!latest || d.opensAt > latest)) latest = d.opensAt;
    }
    if (!latest) return candidate === input.instant ? { allowed: true } : { allowed: false, opensAt: candidate };
    candidate = latest;
  }
  throw new Error(`no common sending window for zones ${zones.join(', ')}`);
}
