import { eventTypesNamed } from '@rapport/contract';
import type { Kysely } from 'kysely';
import { automationTriggerOptions } from '../automations/trigger-options.js';
import type { SmsSchema } from '../db/schema.js';
import type { AutomationTriggerOption } from '../schemas/automations.js';
import type { EventProperties, FlowCatalog, KnownType } from './validate-graph.js';

/**
 * The shop's catalog for checking a flow: the Automation Trigger list, with the contract's types for the
 * Okendo event types' properties and `unknown` for keys only seen on events (a custom type's, a survey's
 * answers). One read of the list; the checks themselves are pure (validate-graph.ts).
 */
export async function flowCatalog(db: Kysely<SmsSchema>, shopId: string): Promise<FlowCatalog> {
  return catalogOf(await automationTriggerOptions(db, shopId));
}

/** The catalog of an Automation Trigger list (pure). */
export function catalogOf(options: readonly AutomationTriggerOption[]): FlowCatalog {
  const events = new Map<string, EventProperties>();
  const partners = new Map<string, readonly string[]>();
  for (const o of options) {
    if (o.kind === 'partner') {
      partners.set(o.name, o.tags);
      continue;
    }
    const types = new Map<string, KnownType>(o.tags.map((t) => [t, 'unknown']));
    const defs = eventTypesNamed(o.name);
    for (const def of defs)
      for (const p of [...def.properties, ...def.conditionalGroups.flatMap((g) => g.properties)]) types.set(p.name, p.type);
    events.set(o.name, { properties: types, open: defs.length === 0 || defs.some((d) => d.openProperties !== undefined) });
  }
  return { eventType: (type) => events.get(type), partnerTags: (name) => partners.get(name) };
}
