import { TtlCache } from '@rapport/kit';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Phone numbers are stored and compared as E.164. Any common format is accepted ("(212) 555-0123",
 * "12125550123", "+1 212-555-0123"), defaulting to the US. "Possible" is enough — the reserved fictional
 * 555-01xx range used in demos and tests is not "valid" by libphonenumber's metadata, and a carrier will
 * tell us soon enough if a number cannot take texts.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'US'): string | null {
  const key = `${defaultCountry}:${input}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const e164 = parse(input, defaultCountry);
  cache.set(key, e164);
  return e164;
}

/** Parsing is deterministic and ~15 µs a number (libphonenumber's metadata walk): the same numbers recur. */
const cache = new TtlCache<string, string | null>(20_000, Number.POSITIVE_INFINITY);

function parse(input: string, defaultCountry: CountryCode): string | null {
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > 40) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}
