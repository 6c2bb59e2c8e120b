/**
 * Shapes of the Okendo → Postscript catalog. The catalog is data, not code: the reviews side emits
 * events from it, the SMS side accepts and documents them, and both validate against the same definitions.
 */

/** Value kinds a property may carry. Postscript infers filter types from JSON values, so these map onto JSON. */
export type PropertyType = 'string' | 'number' | 'boolean' | 'date' | 'url' | 'email' | 'list';

export const PROPERTY_TYPES: readonly PropertyType[] = ['string', 'number', 'boolean', 'date', 'url', 'email', 'list'];

/** A subscriber (profile) property Okendo writes onto an existing Postscript subscriber. */
export interface ProfilePropertyDef {
  /** Verbatim seed name; this is the key used on the wire. */
  readonly name: string;
  /** snake_case identifier for code, merge tags and storage columns. */
  readonly key: string;
  /** Verbatim seed description. */
  readonly description: string;
  readonly type: PropertyType;
}

/** A property of a custom event. */
export interface PropertyDef extends ProfilePropertyDef {
  /**
   * For top-level properties: must be present on every event.
   * For conditional-group properties: must be present whenever the group applies.
   */
  readonly required: boolean;
}

/** Properties the seed says are sent only under a condition ("If the coupon is redeemed", …). */
export interface ConditionalGroup {
  readonly id: string;
  /** Verbatim seed condition text. */
  readonly when: string;
  /**
   * Groups sharing a `choice` answer the same question (e.g. the eligibility period is either 'lifetime'
   * or a time window), so at most one of them may appear on a single event.
   */
  readonly choice?: string;
  readonly properties: readonly PropertyDef[];
}

/** The two parties of a referral; used to tell apart the two "Opted In to Okendo Referrals" definitions. */
export type Audience = 'referrer' | 'recipient';

/** Declares that an event carries extra, merchant-defined property names (survey answers, review attributes). */
export interface OpenProperties {
  readonly description: string;
}

export interface EventTypeDef {
  /** Unique across the catalog (unlike `name`, which repeats for the two opt-in audiences). */
  readonly id: string;
  /** Verbatim seed heading; this is the custom event `type` on the wire. */
  readonly name: string;
  readonly audience?: Audience;
  /** Verbatim seed sentence introducing the event. */
  readonly description: string;
  readonly properties: readonly PropertyDef[];
  readonly conditionalGroups: readonly ConditionalGroup[];
  readonly openProperties?: OpenProperties;
}
