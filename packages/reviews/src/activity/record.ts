import { sortableId, toJson } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { ReviewsSchema } from '../db/schema.js';
import type { Activity, RecordedActivity } from './types.js';

/**
 * The activity log. A domain records what happened inside its own transaction; the log stores it (the
 * customer's timeline) and hands it to every sink — the integrations — in the same transaction, so an
 * activity and what an integration makes of it (an outbox row) commit or roll back together, in the order
 * they happened. The composition root (service.ts) decides which sinks there are.
 */
export type ActivitySink = (db: Kysely<ReviewsSchema>, now: Date, activity: RecordedActivity) => Promise<void>;

export interface ActivityLog {
  record(db: Kysely<ReviewsSchema>, now: Date, activity: Activity): Promise<RecordedActivity>;
}

export function activityLog(sinks: readonly ActivitySink[]): ActivityLog {
  return {
    async record(db, now, activity) {
      const { storeId, customerId, type, ...data } = activity;
      const recorded = { ...activity, id: sortableId('act', now), occurredAt: now.toISOString() } as RecordedActivity;
      await db
        .insertInto('activities')
        .values({
          id: recorded.id,
          store_id: storeId,
          customer_id: customerId,
          type,
          data: toJson(data),
          occurred_at: recorded.occurredAt,
          created_at: recorded.occurredAt,
        })
        .execute();
      for (const sink of sinks) await sink(db, now, recorded);
      return recorded;
    },
  };
}
