/** Custom events, the definitions observed from them, and stored Idempotency-Key responses. */

export interface EventsTable {
  id: string;
  shop_id: string;
  type: string;
  subscriber_id: string | null;
  phone: string | null;
  email: string | null;
  properties: string;
  occurred_at: string;
  external_id: string | null;
  created_at: string;
}

export interface EventDefinitionsTable {
  shop_id: string;
  name: string;
  /** JSON array of every property key seen on this event type. */
  property_keys: string;
  first_seen_at: string;
}

/**
 * How many events of a type a shop has sent, in shards: each ingest lane adds to its own row, so
 * concurrent batches of one type do not queue on one row lock. The count is the sum over shards.
 */
export interface EventDefinitionCountsTable {
  shop_id: string;
  name: string;
  shard: number;
  event_count: number;
  last_seen_at: string;
}

export interface IdempotencyKeysTable {
  shop_id: string;
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: string;
}
