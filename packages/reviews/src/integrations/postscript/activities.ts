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
  reviewProfileProperties,
  reviewRequestCancelledProperties,
  reviewRequestCreatedProperties,
  reviewRequestTriggerTags,
} from './events.js';
import { OKENDO_REVIEW_REQUEST_TRIGGER } from '@rapport/contract';
import { writeOutbox, type OutboxMessage } from './outbox.js';

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
        {
          kind: 'profile',
          externalId: `${a.reviewId}:profile`,
          properties: reviewProfileProperties({ firstName: a.customerFirstName, lastName: a.customerLastName, stats: a.stats }),
        },
      ];
    default: {
      const never: never = a;
      throw new Error(`unknown activity ${JSON.stringify(never)}`);
    }
  }
}

/** The sink service.ts registers with the activity log. */
export async function postscriptActivitySink(db: Kysely<ReviewsSchema>, now: Date, activity: RecordedActivity): Promise<void> {
  const messages = postscriptMessagesFor(activity, now);
  if (messages.length > 0) await writeOutbox(db, now, { storeId: activity.storeId, customerId: activity.customerId }, messages);
}
