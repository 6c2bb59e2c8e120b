/**
 * The options of the time zone and currency pickers, from the browser's own ICU data
 * (`Intl.supportedValuesOf`): no list of zones or codes to ship and keep current.
 */
export interface Choice {
  value: string;
  label: string;
}

/**
 * Every IANA zone the browser knows, by name, each with its offset at `at` ("America/New York · GMT-05:00",
 * searchable by "new york"). `UTC` is not among `supportedValuesOf`'s canonical zones in V8, yet it is the
 * zone of many servers and of headless browsers, so the browser's own zone is added when it is missing.
 */
export function timeZoneChoices(supported: readonly string[], browserZone: string, at: Date): Choice[] {
  const zones = supported.includes(browserZone) ? [...supported] : [...supported, browserZone];
  return zones.sort().map((zone) => ({ value: zone, label: `${zone.replaceAll('_', ' ')} · ${offsetOf(zone, at)}` }));
}

function offsetOf(zone: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    // "GMT" alone is GMT+00:00.
    return part?.value === 'GMT' ? 'GMT+00:00' : (part?.value ?? zone);
  } catch {
    return 'GMT';
  }
}

/** ISO 4217 codes with their English names ("USD — US Dollar"), the default currency first. */
export function currencyChoices(supported: readonly string[], first: string): Choice[] {
  const names = new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'code' });
  const codes = [first, ...[...supported].sort().filter((c) => c !== first)];
  return codes.map((code) => {
    const name = names.of(code);
    return { value: code, label: name && name !== code ? `${code} — ${name}` : code };
  });
}

/** The browser's zone, or UTC where it reports none. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export const DEFAULT_CURRENCY = 'USD';
