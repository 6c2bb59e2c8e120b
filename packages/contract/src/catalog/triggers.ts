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
