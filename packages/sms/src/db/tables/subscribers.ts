/** Subscribers and their consent evidence. */

export type SubscriberStatus = 'pending' | 'subscribed' | 'unsubscribed';

export interface SubscribersTable {
  id: string;
  shop_id: string;
  /** E.164; unique per shop. */
  phone_number: string;
  /** Lower-cased. */
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  shopify_customer_id: string | null;
  properties: string;
  tags: string;
  status: SubscriberStatus;
  origin: string | null;
  keyword: string | null;
  external_id: string | null;
  /** JSON array of IANA zones from the number's area code; empty = unknown (shop default applies). */
  time_zones: string;
  /** Two-letter state/province from the number's area code, when known. */
  region: string | null;
  /** Set the first time the subscriber confirms; only such subscribers appear in the list endpoint. */
  confirmed_at: string | null;
  opted_out_at: string | null;
  /** When the subscriber first received opt-out language on a marketing message. */
  opt_out_notice_at: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * Every column of a subscriber row, for hot-path statements written as fixed SQL (prepared once, never
 * `select *`). The check below fails to compile when a column is added to the table but not here.
 */
export const SUBSCRIBER_COLUMNS = [
  'id',
  'shop_id',
  'phone_number',
  'email',
  'first_name',
  'last_name',
  'shopify_customer_id',
  'properties',
  'tags',
  'status',
  'origin',
  'keyword',
  'external_id',
  'time_zones',
  'region',
  'confirmed_at',
  'opted_out_at',
  'opt_out_notice_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof SubscribersTable)[];
const _everySubscriberColumn: Exclude<keyof SubscribersTable, (typeof SUBSCRIBER_COLUMNS)[number]> extends never ? true : never = true;
void _everySubscriberColumn;

export type ConsentAction = 'opt_in_requested' | 'opted_in' | 'opted_out';

/** Consent evidence: every opt-in request, confirmation and opt-out, with its source and exact wording. */
export interface ConsentEventsTable {
  id: string;
  shop_id: string;
  subscriber_id: string;
  action: ConsentAction;
  source: string;
  detail: string | null;
  created_at: string;
}
