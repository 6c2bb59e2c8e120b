/**
 * What "Add Tag" offers (pure, tested in test/tags.test.ts): the trigger's tags, then the subscriber's
 * fields, each by a readable label; inserting writes the key, `{review_url}`.
 */

/**
 * The subscriber fields every message may use: the SMS platform's `SUBSCRIBER_FIELDS`
 * (packages/sms/src/messages/template.ts) in the editor's order. Not imported: that module is the
 * server's, outside the schemas a browser bundle may take types from.
 */
export const SUBSCRIBER_TAGS = ['first_name', 'last_name', 'email', 'phone_number'] as const;

/** A tag key as the merchant reads it: review_url → "Review Url", order_number → "Order Number". */
export function tagLabel(key: string): string {
  return key
    .split(/[_\s]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

export interface TagGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * The Tag select's groups. A subscriber field the trigger also sends (a partner's first_name) is listed
 * once, under the trigger, whose value the renderer uses first.
 */
export function tagChoices(trigger: { name: string; tags: readonly string[] }): TagGroup[] {
  const own = [...new Set(trigger.tags)];
  const subscriber = SUBSCRIBER_TAGS.filter((f) => !own.includes(f));
  const items = (keys: readonly string[]) => keys.map((key) => ({ value: key, label: tagLabel(key) }));
  return [
    { group: trigger.name, items: items(own) },
    { group: 'Subscriber', items: items(subscriber) },
  ].filter((g) => g.items.length > 0);
}
