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
