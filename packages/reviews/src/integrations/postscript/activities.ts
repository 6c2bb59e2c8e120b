/**
 * Where activities become Postscript calls: the integration's activity sink, run by the activity log in
 * the same transaction as the domain change (activity/record.ts). Each activity yields the outbox rows it
 * means for Postscript, with external ids derived from the domain fact, so the same fact never yields two
 * rows. An activity Postscript has nothing to hear about writes nothing (a sequence stopped by the merchant
 * is their decision, not the customer's).
 */
import type { Kysely } from 'kysely';
import type { RecordedActivity } from '../../activity/types.js';
import type { ReviewsSchema } from '../../db/schema.js';
import {
  REVIEW_CREATED,
  REVIEW_REQUEST_CANCELLED,
  REVIEW_REQUEST_CREATED,
  reviewCreatedProperties,
  reviewRequestCancelledProperties,
  reviewRequestCreatedProperties,
  reviewRequestTriggerTags,
} from './events.js';
import { OKENDO_REVIEW_REQUEST_TRIGGER } from '@rapport/contract';
import { changesProfile } from '../../profiles/changes.js';
import { writeOutbox, type OutboxMessage } from './outbox.js';
import { scheduleProfileSync } from './profile-push.js';

export function postscriptMessagesFor(a: RecordedActivity, now: Date): OutboxMessage[] {
  switch (a.type) {
    case 'review_request.sent': {
      const properties = reviewRequestCreatedProperties(a);
      return [
        { kind: 'event', type: REVIEW_REQUEST_CREATED, properties, occurredAt: now, externalId: `${a.reviewRequestId}:created` },
        {
          kind: 'trigger',
          trigger: OKENDO_REVIEW_REQUEST_TRIGGER.name,
          tags: reviewRequestTriggerTags(properties, a.sequenceWait),
          externalId: `${a.reviewRequestId}:trigger`,
        },
      ];
    }
    case 'review_request.cancelled':
      if (a.reason === 'sequence_stopped') return [];
      return [
        {
          kind: 'event',
          type: REVIEW_REQUEST_CANCELLED,
          properties: reviewRequestCancelledProperties(a.reviewRequestId),
          occurredAt: now,
          externalId: `${a.reviewRequestId}:cancelled`,
        },
      ];
    case 'review.created':
      return [
        {
          kind: 'event',
          type: REVIEW_CREATED,
          occurredAt: now,
          externalId: `${a.reviewId}:created`,
          properties: reviewCreatedProperties(a),
        },
      ];
    default: {
      const never: never = a;
      throw new Error(`unknown activity ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The sink service.ts registers with the activity log: the activity's own calls now, and — when the fact
 * feeds the customer's profile — a debounced recomputation of their Okendo properties (profile-push.ts),
 * which follows the event in the customer's queue.
 */
export async function postscriptActivitySink(db: Kysely<ReviewsSchema>, now: Date, activity: RecordedActivity): Promise<void> {
  const messages = postscriptMessagesFor(activity, now);
  if (messages.length > 0) await writeOutbox(db, now, { storeId: activity.storeId, customerId: activity.customerId }, messages);
  if (changesProfile(activity.type)) await scheduleProfileSync(db, now, activity.storeId, activity.customerId);
}
