/** Small readers over the fake Postscript's recorded calls and the database, for story-like assertions. */
import type { ReviewRequestsTable } from '../../src/db/schema.js';
import type { Harness, TestStore } from './harness.js';
import type { RecordedRequest } from './fake-postscript.js';

export interface EventBody {
  type: string;
  subscriber_id: string;
  occurred_at: string;
  external_id: string;
  properties: Record<string, unknown>;
}

export function eventsSent(h: Harness, type: string, requestId?: string): EventBody[] {
  return h.fake
    .calls('POST', '/api/v2/events')
    .map((r) => r.body as EventBody)
    .filter((b) => b.type === type && (requestId === undefined || b.properties['Review Request Id'] === requestId));
}

export function triggerFires(h: Harness, requestId: string): RecordedRequest[] {
  return h.fake.calls('POST', '/v1/triggers/').filter((r) => r.headers['idempotency-key'] === `${requestId}:trigger`);
}

export async function requestsOf(h: Harness, store: TestStore): Promise<ReviewRequestsTable[]> {
  return h.database.db.selectFrom('review_requests').selectAll().where('store_id', '=', store.id).orderBy('created_at').execute();
}

export async function onlyRequest(h: Harness, store: TestStore): Promise<ReviewRequestsTable> {
  const rows = await requestsOf(h, store);
  if (rows.length !== 1) throw new Error(`expected one review request, found ${rows.length}`);
  return rows[0] as ReviewRequestsTable;
}
