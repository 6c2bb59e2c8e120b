import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Postscript keys subscribers by E.164 phone number, while Shopify phones arrive however the shopper
 * typed them ("(415) 555-0123"). Numbers without a country prefix are read in the address's country.
 * "Possible" rather than "valid" is the bar: fictional test ranges (555-01xx) must still match the
 * subscriber the SMS platform stored for them.
 */
export function toE164(raw: string | null | undefined, countryCode?: string | null): string | null {
  if (!raw || raw.trim() === '') return null;
  const country = countryCode && /^[A-Za-z]{2}$/.test(countryCode) ? (countryCode.toUpperCase() as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(raw, country);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}
