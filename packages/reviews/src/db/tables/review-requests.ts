/** Review-request sequences, the requests they schedule, and the products each request covers. */

export type SequenceAnchor = 'fulfillment' | 'delivery';

export type SequenceStatus = 'draft' | 'running' | 'stopped';

export interface SequencesTable {
  id: string;
  store_id: string;
  name: string;
  channel: 'postscript';
  wait_days: number;
  anchor: SequenceAnchor;
  status: SequenceStatus;
  started_at: string | null;
  stopped_at: string | null;
  created_at: string;
  updated_at: string;
}

export type ReviewRequestState = 'scheduled' | 'sent' | 'completed' | 'cancelled';

export type DueBasis = 'fulfillment' | 'delivery' | 'delivery_fallback';

export interface ReviewRequestsTable {
  id: string;
  store_id: string;
  sequence_id: string;
  order_id: string;
  customer_id: string;
  /** Opaque random token in the review URL; possession of it makes a review "verified buyer". */
  token: string;
  state: ReviewRequestState;
  fulfilled_at: string;
  delivered_at: string | null;
  due_at: string;
  due_basis: DueBasis;
  /** Bumped each time due_at moves; part of the due job's dedupe key. */
  due_version: number;
  sent_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReviewRequestProductsTable {
  id: string;
  review_request_id: string;
  position: number;
  shopify_product_id: string;
  shopify_variant_id: string | null;
  product_title: string;
  variant_title: string | null;
  sku: string | null;
  review_id: string | null;
  reviewed_at: string | null;
}
