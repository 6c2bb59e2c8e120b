import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Phone numbers are stored and compared as E.164. Any common format is accepted ("(212) 555-0123",
 * "12125550123", "+1 212-555-0123"), defaulting to the US. "Possible" is enough — the reserved fictional
 * 555-01xx range used in demos and tests is not "valid" by libphonenumber's metadata, and a carrier will
 * tell us soon enough if a number cannot take texts.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'US'): string | null {
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > 40) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}
