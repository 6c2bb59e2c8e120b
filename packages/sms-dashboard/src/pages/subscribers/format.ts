/** How the Subscribers pages write values (pure, tested in test/subscriber-format.test.ts). */

/** A custom property's value: lists joined, booleans as Yes/No, nothing as an em dash. */
export function propertyValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => propertyValue(v)).join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The Okendo profile properties first (the integration's 22, by seed name), then the shop's own, each alphabetically. */
export function sortedProperties(properties: Record<string, unknown>): [string, unknown][] {
  return Object.entries(properties).sort(([a], [b]) => {
    const ao = a.startsWith('Okendo ') ? 0 : 1;
    const bo = b.startsWith('Okendo ') ? 0 : 1;
    return ao - bo || a.localeCompare(b);
  });
}

const STATUS_COLORS = { subscribed: 'green', pending: 'yellow', unsubscribed: 'gray' } as const;
export const statusColor = (status: keyof typeof STATUS_COLORS): string => STATUS_COLORS[status];
