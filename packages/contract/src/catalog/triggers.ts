/**
 * The legacy partner trigger behind the seed's "Create an Okendo Automation" steps: merchants pick
 * "Okendo Review Request" as the automation trigger and insert tags such as {review_url}, whose values
 * Okendo supplies when it fires the trigger (Postscript v1 Triggers model).
 */

export interface TriggerTag {
  /** Merge-tag key, written `{key}` in a message body. */
  readonly key: string;
  /** What the merchant sees in the "Add Tag" drop-down. */
  readonly label: string;
}

export interface TriggerDef {
  readonly name: string;
  readonly tags: readonly TriggerTag[];
}

/** Tags mirror the ten "Review Request Created" properties, so the same payload can feed either model. */
export const OKENDO_REVIEW_REQUEST_TRIGGER: TriggerDef = {
  name: 'Okendo Review Request',
  tags: [
    { key: 'review_url', label: 'Review Url' },
    { key: 'first_name', label: 'First Name' },
    { key: 'last_name', label: 'Last Name' },
    { key: 'name', label: 'Name' },
    { key: 'order_number', label: 'Order Number' },
    { key: 'image_url', label: 'Image Url' },
    { key: 'variant_name', label: 'Variant Name' },
    { key: 'email_address', label: 'Email Address' },
    { key: 'order_fulfilled_date', label: 'Order Fulfilled Date' },
    { key: 'review_request_id', label: 'Review Request Id' },
  ],
};

/**
 * The seed's double-wait caution ("be careful about using both, as the customer could wait twice as long")
 * needs the SMS side to know the wait the trigger already carries. The reviews platform declares it with
 * every fire of the trigger, as two extra tag values beside the merge tags: not registered as merge tags
 * (they are not in the Add Tag list), so a Postscript that does not know them just ignores them. Values are
 * strings like every tag value: days as a whole number ("14"), the anchor "fulfillment" or "delivery".
 */
export const SEQUENCE_WAIT_TAGS = {
  days: 'okendo_sequence_wait_days',
  after: 'okendo_sequence_wait_after',
} as const;

export type SequenceWaitAnchor = 'fulfillment' | 'delivery';

export interface DeclaredWait {
  days: number;
  after: SequenceWaitAnchor;
}

/** The tag values that declare a wait. */
export function sequenceWaitTags(wait: DeclaredWait): Record<string, string> {
  return { [SEQUENCE_WAIT_TAGS.days]: String(wait.days), [SEQUENCE_WAIT_TAGS.after]: wait.after };
}

/** The wait a fire's tag values declare, or null when they declare none or something malformed. */
export function declaredWait(tags: Readonly<Record<string, unknown>>): DeclaredWait | null {
  const days = tags[SEQUENCE_WAIT_TAGS.days];
  const after = tags[SEQUENCE_WAIT_TAGS.after];
  const n = typeof days === 'number' ? days : typeof days === 'string' && /^\d{1,4}$/.test(days.trim()) ? Number(days) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 3650) return null;
  if (after !== 'fulfillment' && after !== 'delivery') return null;
  return { days: n, after };
}

/**
 * snake_case key for a seed property name. Seed names mix spaces, hyphens and run-together
 * capitals ("VariantID", "Next-Day Delivery", "Okendo Latest NPS"), so word boundaries are taken from
 * both separators and case changes; an acronym stays one word.
 */
export function tagKey(propertyName: string): string {
  return propertyName
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2') // "VariantID" → "Variant ID"
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2') // "NPSCategory" → "NPS Category"
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}
