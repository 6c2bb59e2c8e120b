import { Invalid, type Loc } from './errors.js';

/**
 * Time zones and currencies as the runtime's ICU knows them (Node 20 ships full ICU): the same lists the
 * dashboards offer, from `Intl.supportedValuesOf`, so what a form can pick the server accepts.
 */
const zones = new Set(Intl.supportedValuesOf('timeZone'));
const currencies = new Set(Intl.supportedValuesOf('currency'));

export function checkTimeZone(zone: string, loc: Loc): string {
  // supportedValuesOf lists canonical names only; links such as "UTC" or "Asia/Calcutta" are valid too.
  if (zones.has(zone)) return zone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    throw new Invalid(`${zone} is not an IANA time zone (e.g. America/New_York)`, loc, 'invalid_time_zone');
  }
}

export function checkCurrency(code: string, loc: Loc): string {
  const c = code.trim().toUpperCase();
  if (!currencies.has(c)) throw new Invalid(`${code} is not an ISO 4217 currency code (e.g. USD)`, loc, 'invalid_currency');
  return c;
}
