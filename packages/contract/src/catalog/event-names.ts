/**
 * Event names on the wire (docs/conventions.md, "Event names"). Rapport stores and shows the seed's names
 * ("Review Created"). Real Postscript restricts a custom event's `type` to [A-Za-z0-9_], so every catalog
 * name also has one Postscript-safe form, its snake-case key ("review_created"): the connector sends either
 * (a setting), and the SMS platform accepts both and stores the seed name. The mapping is one function
 * each way, over the catalog; a name that is not in the catalog passes through unchanged.
 *
 * "Opted In to Okendo Referrals" is one event type on the wire for both audiences; `eventTypeFor` tells
 * them apart by "Customer Role": the referrer variant carries it ("referrer"), the recipient variant's seed
 * table has no such property, so an event without it is the recipient's.
 */
import { EVENT_TYPE_NAMES, eventTypesNamed } from './event-types.js';
import { tagKey } from './triggers.js';
import type { EventTypeDef } from './types.js';

/** What real Postscript accepts as an event `type`. */
export const POSTSCRIPT_SAFE_EVENT_NAME = /^[A-Za-z0-9_]+$/;

export type EventNameStyle = 'seed' | 'postscript_safe';

/** "Review Created" → "review_created"; a name already safe is returned as is. */
export function postscriptSafeEventName(name: string): string {
  return POSTSCRIPT_SAFE_EVENT_NAME.test(name) ? name : tagKey(name);
}

const SEED_BY_SAFE = new Map(EVENT_TYPE_NAMES.map((name) => [tagKey(name), name]));

/** "review_created" (any case) → "Review Created"; any other name is returned as is. */
export function seedEventName(wireName: string): string {
  if (!POSTSCRIPT_SAFE_EVENT_NAME.test(wireName)) return wireName;
  return SEED_BY_SAFE.get(wireName.toLowerCase()) ?? wireName;
}

/** The name to send for a catalog event in the given style. */
export function wireEventName(seedName: string, style: EventNameStyle): string {
  return style === 'seed' ? seedName : postscriptSafeEventName(seedName);
}

/** The catalog definition an event of this name and these properties is an instance of (see above). */
export function eventTypeFor(name: string, properties: Record<string, unknown>): EventTypeDef | undefined {
  const defs = eventTypesNamed(seedEventName(name));
  if (defs.length <= 1) return defs[0];
  const role = properties['Customer Role'];
  if (typeof role === 'string') return defs.find((d) => d.audience === role.trim().toLowerCase());
  return defs.find((d) => !d.properties.some((p) => p.name === 'Customer Role'));
}
