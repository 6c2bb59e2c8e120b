import { sortableId, toJson } from '@rapport/kit';
import type { EventsTable, IdempotencyKeysTable, SubscribersTable } from '../db/schema.js';
import { IdempotencyMismatchError } from '../errors.js';
import type { StoredResponse } from '../idempotency/store.js';
import { EventDefinitionTally } from './definitions.js';
import type { IngestRequest, IngestResponse, ItemResult } from './ingest.js';
import { keyOf, type KnownRows } from './ingest-lookups.js';
import { parseOccurredAt } from './occurred-at.js';

/**
 * What a batch of events does, decided in arrival order from what the database already holds (pure: no
 * I/O). Each request is, in this order: a replay of its Idempotency-Key (or refused, when the key's first
 * use had another body), a replay of its external_id, or a new event — resolved to a subscriber by id,
 * then phone, then email (Postscript's order). Earlier requests of the batch count as stored, so the same
 * external_id or key twice in one batch behaves as it would one transaction later.
 *
 * Each new event of a known subscriber is listed, with its subscriber, to start automations in the same
 * transaction; an event for nobody has nothing to start and is only stored.
 */
export interface IngestPlan {
  results: ItemResult[];
  events: EventsTable[];
  /** The requests whose event is inserted, in order (for the test seam). */
  inserted: IngestRequest[];
  idempotency: IdempotencyKeysTable[];
  definitions: EventDefinitionTally;
  /** The new events that have a subscriber, with it, in arrival order. */
  toStart: { event: EventsTable; subscriber: SubscribersTable }[];
}

const SCOPE = 'events';

export function planIngest(requests: readonly IngestRequest[], known: KnownRows, now: Date): IngestPlan {
  const at = now.toISOString();
  const plan: IngestPlan = {
    results: [],
    events: [],
    inserted: [],
    idempotency: [],
    definitions: new EventDefinitionTally(),
    toStart: [],
  };
  for (const request of requests) {
    const { shopId, body, idempotencyKey, hash, externalId, phone, email, keys, type } = request;
    const idemKey = idempotencyKey ? keyOf(shopId, idempotencyKey) : null;
    const stored = idemKey ? known.idempotency.get(idemKey) : undefined;
    if (stored) {
      if (stored.hash !== hash) {
        plan.results.push({ refused: new IdempotencyMismatchError() });
        continue;
      }
      plan.results.push({ response: { statusCode: stored.statusCode, body: JSON.parse(stored.body) as IngestResponse }, created: false });
      continue;
    }
    let response: StoredResponse<IngestResponse>;
    let created = false;
    const existing = externalId ? known.externalIds.get(keyOf(shopId, externalId)) : undefined;
    if (existing) {
      response = { statusCode: 202, body: { event_ids: [existing] } };
    } else {
      const subscriberId = resolveSubscriber(known, shopId, body.subscriber_id, phone, email);
      const id = sortableId('ev', now);
      const event: EventsTable = {
        id,
        shop_id: shopId,
        type,
        subscriber_id: subscriberId,
        phone,
        email,
        properties: toJson(body.properties ?? {}),
        occurred_at: parseOccurredAt(body.occurred_at, now),
        external_id: externalId,
        created_at: at,
      };
      plan.events.push(event);
      plan.inserted.push(request);
      if (externalId) known.externalIds.set(keyOf(shopId, externalId), id);
      plan.definitions.add(shopId, type, keys);
      const subscriber = subscriberId ? known.subscribers.get(subscriberId) : undefined;
      if (subscriber) plan.toStart.push({ event, subscriber });
      response = { statusCode: 202, body: { event_ids: [id] } };
      created = true;
    }
    if (idemKey && idempotencyKey) {
      known.idempotency.set(idemKey, { hash, statusCode: response.statusCode, body: JSON.stringify(response.body) });
      plan.idempotency.push({
        shop_id: shopId,
        scope: SCOPE,
        key: idempotencyKey,
        request_hash: hash,
        status_code: response.statusCode,
        response_body: JSON.stringify(response.body),
        created_at: at,
      });
    }
    plan.results.push({ response, created });
  }
  return plan;
}

function resolveSubscriber(
  known: KnownRows,
  shopId: string,
  subscriberId: string | undefined,
  phone: string | null,
  email: string | null,
): string | null {
  if (subscriberId && known.subscriberIds.has(keyOf(shopId, subscriberId))) return subscriberId;
  if (phone) {
    const id = known.phones.get(keyOf(shopId, phone));
    if (id) return id;
  }
  if (email) {
    const id = known.emails.get(keyOf(shopId, email));
    if (id) return id;
  }
  return null;
}
