import type { AutomationTriggerOption } from '@rapport/sms/schemas';

/**
 * The Automation Trigger drop-down's groups (pure, tested in test/trigger-groups.test.ts): partner
 * triggers first (what the seed's steps pick), then the Okendo event types in the contract's order, then
 * the other event types the shop has sent. A partner trigger and an event type may share a name; the
 * partner's wins (as the API resolves names), so the event entry is left out.
 */
export function triggerGroups(options: readonly AutomationTriggerOption[]): { group: string; items: { value: string; label: string }[] }[] {
  const partner = options.filter((o) => o.kind === 'partner');
  const partnerNames = new Set(partner.map((o) => o.name));
  const events = (source: 'catalog' | 'custom') =>
    options.filter((o) => o.kind === 'event' && o.source === source && !partnerNames.has(o.name));
  const items = (list: readonly AutomationTriggerOption[]) => list.map((o) => ({ value: o.name, label: o.name }));
  return [
    { group: 'Partner triggers', items: items(partner) },
    { group: 'Okendo events', items: items(events('catalog')) },
    { group: 'Your other events', items: items(events('custom')) },
  ].filter((g) => g.items.length > 0);
}
