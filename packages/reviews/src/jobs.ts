import { defineJob } from '@rapport/kit';
import Type from 'typebox';
import type { ReviewsContext } from './context.js';
import { runBackfillPage } from './integrations/postscript/backfill.js';
import { deliverToPostscript } from './integrations/postscript/deliver-job.js';
import { syncProfile } from './integrations/postscript/profile-push.js';
import { runReviewRequestDue } from './review-requests/due-job.js';

/**
 * Every durable job kind of the reviews platform, with its payload schema and handler. Enqueue through
 * these definitions, never by name. Handlers are wrapped in arrows so this module can be imported from
 * the modules it lists.
 */

/** The end of a sequence's Wait for one review request (review-requests/due-job.ts). */
export const REVIEW_REQUEST_DUE = defineJob(
  'review_request.due',
  Type.Object({ review_request_id: Type.String(), due_version: Type.Integer({ minimum: 1 }) }),
  (ctx: ReviewsContext, p) => runReviewRequestDue(ctx, p),
);

/** Sends one Postscript outbox row (integrations/postscript/deliver-job.ts). */
export const POSTSCRIPT_DELIVER = defineJob(
  'postscript.deliver',
  Type.Object({ outbox_id: Type.String() }),
  (ctx: ReviewsContext, p, job) => deliverToPostscript(ctx, p, job),
);

/** Recomputes a customer's Okendo properties and writes the patch (integrations/postscript/profile-push.ts). Coalesced per customer. */
export const POSTSCRIPT_PROFILE_SYNC = defineJob(
  'postscript.profile_sync',
  Type.Object({ store_id: Type.String(), customer_id: Type.String() }),
  (ctx: ReviewsContext, p, job) => syncProfile(ctx, p, job.now),
);

/** One page of the connect-time profile backfill (integrations/postscript/backfill.ts). */
export const POSTSCRIPT_PROFILE_BACKFILL = defineJob(
  'postscript.profile_backfill',
  Type.Object({ backfill_id: Type.String() }),
  (ctx: ReviewsContext, p, job) => runBackfillPage(ctx, p, job.now),
);

export const REVIEWS_JOBS = [REVIEW_REQUEST_DUE, POSTSCRIPT_DELIVER, POSTSCRIPT_PROFILE_SYNC, POSTSCRIPT_PROFILE_BACKFILL];
